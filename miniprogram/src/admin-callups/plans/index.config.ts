export default definePageConfig({ navigationBarTitleText: '预案', enablePullDownRefresh: true });
