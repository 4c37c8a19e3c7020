export default definePageConfig({ navigationBarTitleText: '提议活动' });
