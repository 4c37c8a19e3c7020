export default definePageConfig({ navigationBarTitleText: '线索处理', enablePullDownRefresh: true });
