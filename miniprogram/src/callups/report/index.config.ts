export default definePageConfig({ navigationBarTitleText: '反馈现场情况' });
