export default definePageConfig({ navigationBarTitleText: '核查详情', enablePullDownRefresh: true });
