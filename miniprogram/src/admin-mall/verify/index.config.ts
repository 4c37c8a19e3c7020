export default definePageConfig({ navigationBarTitleText: '积分商城核销', enablePullDownRefresh: true });
