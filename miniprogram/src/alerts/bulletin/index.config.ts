export default definePageConfig({ navigationBarTitleText: '治安状况通报' });
