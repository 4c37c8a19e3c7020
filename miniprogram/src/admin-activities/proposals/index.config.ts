export default definePageConfig({ navigationBarTitleText: '活动提议', enablePullDownRefresh: true });
