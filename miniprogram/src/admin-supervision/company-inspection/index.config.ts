export default definePageConfig({ navigationBarTitleText: '检查整改', enablePullDownRefresh: true });
