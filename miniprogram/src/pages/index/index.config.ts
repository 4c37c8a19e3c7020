export default definePageConfig({ navigationBarTitleText: '江淮义警' });
