import { useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InlineError } from '../../components/States';
import { useStaffLogin } from '../../hooks/useStaffLogin';
import { staffLoginPrefill } from '../../logic/staff-login-prefill';
import { PAGES } from '../../logic/routes';
import { useSessionNotice } from '../../hooks/useSession';

export default function StaffLoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { submitting, error, submit } = useStaffLogin();
  const notice = useSessionNotice();

  useLoad(() => {
    const prefill = staffLoginPrefill.get();
    if (prefill) {
      setUsername(prefill.username);
      setPassword(prefill.password);
      staffLoginPrefill.set(null);
    }
  });

  return (
    <Screen testId="staff-login">
      <View className="jh-card">
        <Text className="jh-title">民警 / 工作人员登录</Text>
        <Text className="jh-muted jh-block">请输入管理员为您开通的账号和密码。</Text>
      </View>

      <InlineError message={error ?? notice} testId="staff-login-error" />

      <View className="jh-field">
        <Text className="jh-field__label">用户名</Text>
        <Input
          className="jh-input"
          value={username}
          placeholder="请输入用户名"
          maxlength={64}
          onInput={(e) => setUsername(e.detail.value)}
          data-testid="staff-username"
        />
      </View>
      <View className="jh-field">
        <Text className="jh-field__label">密码</Text>
        <Input
          className="jh-input"
          value={password}
          password
          placeholder="请输入密码"
          maxlength={128}
          onInput={(e) => setPassword(e.detail.value)}
          onConfirm={() => void submit(username, password)}
          data-testid="staff-password"
        />
      </View>

      <BigButton
        onClick={() => void submit(username, password)}
        loading={submitting}
        loadingText="正在登录…"
        testId="staff-login-submit"
      >
        登录
      </BigButton>

      {SANDBOX_LOGIN && process.env.TARO_ENV === 'h5' ? (
        <View className="jh-link" onClick={() => void Taro.redirectTo({ url: PAGES.sandboxLogin })}>
          <Text>返回演示账号列表</Text>
        </View>
      ) : null}
    </Screen>
  );
}
