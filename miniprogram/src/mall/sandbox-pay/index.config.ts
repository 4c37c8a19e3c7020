export default definePageConfig({ navigationBarTitleText: '模拟支付（演示）' });
