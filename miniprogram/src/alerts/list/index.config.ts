export default definePageConfig({ navigationBarTitleText: '预警与通报', enablePullDownRefresh: true });
