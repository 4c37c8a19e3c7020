export default definePageConfig({ navigationBarTitleText: '签到打卡' });
