export default definePageConfig({ navigationBarTitleText: '发治安通报' });
