export default definePageConfig({ navigationBarTitleText: '重大事项详情', enablePullDownRefresh: true });
