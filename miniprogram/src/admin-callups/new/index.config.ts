export default definePageConfig({ navigationBarTitleText: '发布指令' });
