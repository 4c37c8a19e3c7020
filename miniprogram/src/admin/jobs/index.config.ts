export default definePageConfig({ navigationBarTitleText: '定时任务' });
