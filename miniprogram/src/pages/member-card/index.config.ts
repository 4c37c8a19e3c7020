export default definePageConfig({ navigationBarTitleText: '我的义警证' });
