export default definePageConfig({ navigationBarTitleText: '保险保单', enablePullDownRefresh: true });
