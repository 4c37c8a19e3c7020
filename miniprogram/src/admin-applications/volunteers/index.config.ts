export default definePageConfig({ navigationBarTitleText: '义警档案', enablePullDownRefresh: true });
