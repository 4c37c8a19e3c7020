export default definePageConfig({ navigationBarTitleText: '编辑队伍' });
