export default definePageConfig({ navigationBarTitleText: '报送记录', enablePullDownRefresh: true });
