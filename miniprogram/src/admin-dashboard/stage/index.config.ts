export default definePageConfig({ navigationBarTitleText: '阶段报告' });
