export default definePageConfig({ navigationBarTitleText: '我调解的纠纷', enablePullDownRefresh: true });
