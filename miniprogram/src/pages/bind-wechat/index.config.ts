export default definePageConfig({ navigationBarTitleText: '绑定工作人员账号' });
