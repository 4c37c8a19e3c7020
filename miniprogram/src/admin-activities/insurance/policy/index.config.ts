export default definePageConfig({ navigationBarTitleText: '选择义警投保', enablePullDownRefresh: true });
