export default definePageConfig({ navigationBarTitleText: '通报阅读情况', enablePullDownRefresh: true });
