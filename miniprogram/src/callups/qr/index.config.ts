export default definePageConfig({ navigationBarTitleText: '到达码' });
