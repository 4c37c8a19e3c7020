export default definePageConfig({ navigationBarTitleText: '预警送达情况', enablePullDownRefresh: true });
