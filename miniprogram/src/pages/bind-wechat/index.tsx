import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { InlineError } from '../../components/States';
import { bindStaffByPhone } from '../../services/auth';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import { signedIn } from '../../hooks/useSession';
import { PAGES } from '../../logic/routes';

/**
 * WeChat only. A provisioned officer proves the phone number the administrator registered;
 * the server then links this WeChat identity to that staff account.
 */
export default function BindWechatPage() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onPhone(code: string | undefined) {
    if (!code) {
      setError('需要您同意使用手机号才能绑定。请再点一次按钮，并选择“允许”。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      signedIn(await bindStaffByPhone(code));
    } catch (caught) {
      setError(caught instanceof HttpError ? caught.message : NETWORK_ERROR_MESSAGE);
      setBusy(false);
    }
  }

  return (
    <Screen testId="bind-wechat">
      <View className="jh-card">
        <Text className="jh-title">绑定工作人员账号</Text>
        <Text className="jh-block">
          民警和工作人员的账号由管理员开通。请用开通时登记的手机号验证，验证后以后打开小程序即可直接进入工作台。
        </Text>
      </View>
      <InlineError message={error} testId="bind-error" />
      <Button
        className={`jh-btn jh-btn--primary${busy ? ' jh-btn--disabled' : ''}`}
        openType="getPhoneNumber"
        disabled={busy}
        onGetPhoneNumber={(e) => void onPhone((e.detail as { code?: string }).code)}
        data-testid="bind-phone"
      >
        {busy ? '正在绑定…' : '用微信手机号验证并绑定'}
      </Button>
      <View className="jh-link" onClick={() => void Taro.navigateTo({ url: PAGES.staffLogin })}>
        <Text>没有绑定手机号？使用账号密码登录</Text>
      </View>
    </Screen>
  );
}
