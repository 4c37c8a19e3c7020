export default definePageConfig({ navigationBarTitleText: '数据核查', enablePullDownRefresh: true });
