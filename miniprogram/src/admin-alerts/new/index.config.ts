export default definePageConfig({ navigationBarTitleText: '发预警' });
