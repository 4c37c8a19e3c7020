export default definePageConfig({ navigationBarTitleText: '保险保单' });
