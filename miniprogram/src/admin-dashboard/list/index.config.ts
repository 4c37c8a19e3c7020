export default definePageConfig({ navigationBarTitleText: '名单', enablePullDownRefresh: true });
