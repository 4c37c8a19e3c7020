export default definePageConfig({ navigationBarTitleText: '现场看板' });
