export default definePageConfig({ navigationBarTitleText: '人才资源库', enablePullDownRefresh: true });
