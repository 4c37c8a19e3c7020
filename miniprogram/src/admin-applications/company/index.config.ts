export default definePageConfig({ navigationBarTitleText: '保安从业单位' });
