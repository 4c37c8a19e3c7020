export default definePageConfig({ navigationBarTitleText: '监督检查', enablePullDownRefresh: true });
