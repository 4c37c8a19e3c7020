export default definePageConfig({ navigationBarTitleText: '纠纷详情', enablePullDownRefresh: true });
