export default definePageConfig({ navigationBarTitleText: '商城统计', enablePullDownRefresh: true });
