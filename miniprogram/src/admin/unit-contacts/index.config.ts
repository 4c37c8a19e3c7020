export default definePageConfig({ navigationBarTitleText: '单位联系人' });
