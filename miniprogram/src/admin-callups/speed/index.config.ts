export default definePageConfig({ navigationBarTitleText: '响应速度' });
