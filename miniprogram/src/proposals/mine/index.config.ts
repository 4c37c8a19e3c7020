export default definePageConfig({ navigationBarTitleText: '我提议的活动', enablePullDownRefresh: true });
