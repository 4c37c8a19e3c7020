export default definePageConfig({ navigationBarTitleText: '记录检查' });
