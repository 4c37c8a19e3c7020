export default definePageConfig({ navigationBarTitleText: '抽调审批', enablePullDownRefresh: true });
