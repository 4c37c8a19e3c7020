export default definePageConfig({ navigationBarTitleText: '调解纠纷', enablePullDownRefresh: true });
