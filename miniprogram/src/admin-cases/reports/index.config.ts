export default definePageConfig({ navigationBarTitleText: '重大事项', enablePullDownRefresh: true });
