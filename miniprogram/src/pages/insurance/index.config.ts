export default definePageConfig({ navigationBarTitleText: '我的保险', enablePullDownRefresh: true });
