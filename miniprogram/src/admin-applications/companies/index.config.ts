export default definePageConfig({ navigationBarTitleText: '单位与花名册', enablePullDownRefresh: true });
