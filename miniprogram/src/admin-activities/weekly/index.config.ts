export default definePageConfig({ navigationBarTitleText: '每周勤务' });
