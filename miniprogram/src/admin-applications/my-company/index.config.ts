export default definePageConfig({ navigationBarTitleText: '本单位保安', enablePullDownRefresh: true });
