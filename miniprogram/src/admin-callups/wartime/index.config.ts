export default definePageConfig({ navigationBarTitleText: '战时状态', enablePullDownRefresh: true });
