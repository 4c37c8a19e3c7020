import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { StaffResponse } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { errorText } from '../../hooks/useResource';
import { resetStaffPassword, setStaffStatus } from '../../services/admin';

const ask = async (title: string, content: string, confirmText: string) =>
  (await Taro.showModal({ title, content, confirmText, confirmColor: '#b42318', cancelText: '取消' })).confirm;

/** The new password, once, in big text with 复制; it is not kept anywhere after this page closes. */
function NewPassword({ password }: { password: string }) {
  return (
    <View className="jh-card jh-field-ok" data-testid="staff-new-password-card">
      <Text className="jh-block">新的临时密码（只显示这一次，请立即告知本人）：</Text>
      <Text className="jh-big-code" data-testid="staff-temp-password" style={{ fontSize: '28px', fontWeight: 700 }}>
        {password}
      </Text>
      <BigButton
        kind="secondary"
        onClick={() => void Taro.setClipboardData({ data: password })}
        testId="staff-copy-password"
      >
        复制
      </BigButton>
    </View>
  );
}

/** 停用/启用 and 重置密码, each after a confirmation. */
export function StaffActions({ staff, onChanged }: { staff: StaffResponse; onChanged: (s: StaffResponse) => void }) {
  const [busy, setBusy] = useState<'status' | 'password' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const run = async (kind: 'status' | 'password', action: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const disabled = staff.status === 'disabled';
  const toggle = async () => {
    const ok = disabled
      ? await ask('启用账号', `启用后${staff.displayName}可以重新登录。确定启用吗？`, '启用')
      : await ask('停用账号', `停用后${staff.displayName}将立即退出登录、不能再登录。确定停用吗？`, '停用');
    if (ok)
      await run('status', async () => onChanged(await setStaffStatus(staff.id, disabled ? 'active' : 'disabled')));
  };
  const reset = async () => {
    const ok = await ask('重置密码', `将为${staff.displayName}生成新的临时密码，原密码立即失效。确定重置吗？`, '重置');
    if (ok) await run('password', async () => setPassword((await resetStaffPassword(staff.id)).password));
  };
  return (
    <View className="jh-card" data-testid="staff-actions">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        账号操作
      </Text>
      {password ? <NewPassword password={password} /> : null}
      <FieldError message={error} testId="staff-action-error" />
      <BigButton kind="secondary" onClick={() => void reset()} loading={busy === 'password'} testId="staff-reset">
        重置密码
      </BigButton>
      <BigButton
        kind={disabled ? 'primary' : 'danger'}
        onClick={() => void toggle()}
        loading={busy === 'status'}
        testId="staff-toggle-status"
      >
        {disabled ? '启用账号' : '停用账号'}
      </BigButton>
    </View>
  );
}
