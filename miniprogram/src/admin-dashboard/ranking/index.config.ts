export default definePageConfig({ navigationBarTitleText: '晒比通报' });
