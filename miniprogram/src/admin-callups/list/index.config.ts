export default definePageConfig({ navigationBarTitleText: '调度指令', enablePullDownRefresh: true });
