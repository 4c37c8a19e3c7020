export default definePageConfig({ navigationBarTitleText: '我的调度指令', enablePullDownRefresh: true });
