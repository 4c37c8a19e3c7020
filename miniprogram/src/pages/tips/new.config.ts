export default definePageConfig({ navigationBarTitleText: '线索上报' });
