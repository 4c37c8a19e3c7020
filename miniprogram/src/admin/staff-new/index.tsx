import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { OrgLevel } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { errorText } from '../../hooks/useResource';
import { useSession } from '../../hooks/useSession';
import { EMPTY_STAFF_FORM, newStaffProblem, rolesAtLevel, type NewStaffForm } from '../../logic/staff-admin';
import { PAGES, pageUrl } from '../../logic/routes';
import { createStaff } from '../../services/admin';
import { OrgUnitPicker } from '../OrgUnitPicker';
import { RolePicker } from '../RolePicker';
import '../admin.css';
import '../../components/enrolment.css';

function Field({
  label,
  value,
  onInput,
  testId,
  type = 'text',
  hint,
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  testId: string;
  type?: 'text' | 'number';
  hint?: string;
}) {
  return (
    <View className="jh-field">
      <Text className="jh-field__label">{label}</Text>
      <Input
        className="jh-input jh-input--full"
        type={type}
        value={value}
        onInput={(e) => onInput(e.detail.value)}
        data-testid={testId}
      />
      {hint ? <Text className="jh-field-hint">{hint}</Text> : null}
    </View>
  );
}

/** Name, phone, account and first password. */
function AccountFields({ form, set }: { form: NewStaffForm; set: (patch: Partial<NewStaffForm>) => void }) {
  return (
    <View className="jh-card">
      <Field label="姓名" value={form.displayName} onInput={(v) => set({ displayName: v })} testId="staff-new-name" />
      <Field
        label="手机号（用于绑定微信）"
        type="number"
        value={form.phone}
        onInput={(v) => set({ phone: v })}
        testId="staff-new-phone"
      />
      <Field
        label="登录账号"
        value={form.username}
        onInput={(v) => set({ username: v })}
        testId="staff-new-username"
        hint="4–32 位字母、数字或下划线，例如 pinghu_wang"
      />
      <Field
        label="初始密码"
        value={form.password}
        onInput={(v) => set({ password: v })}
        testId="staff-new-password"
        hint="至少 8 位，须同时包含字母和数字；请当面告知本人"
      />
    </View>
  );
}

/** 新建账号: unit (within the officer's scope), the roles that fit its level, name, phone, account and first password. */
export default function NewStaffPage() {
  const session = useSession();
  const isSysadmin = session.status === 'signedIn' && session.me.roles.includes('sysadmin');
  const [form, setForm] = useState<NewStaffForm>(EMPTY_STAFF_FORM);
  const [level, setLevel] = useState<OrgLevel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<NewStaffForm>) => setForm((f) => ({ ...f, ...patch }));
  const submit = async () => {
    const problem = newStaffProblem(form);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const created = await createStaff({
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        phone: form.phone.trim(),
        password: form.password,
        orgUnitId: form.orgUnitId!,
        roles: form.roles,
      });
      void Taro.redirectTo({ url: pageUrl(PAGES.adminStaffDetail, { id: created.id, created: 1 }) });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Screen testId="staff-new">
      <View className="jh-card">
        <Text className="jh-section-title" style={{ marginTop: 0 }}>
          所属单位
        </Text>
        <OrgUnitPicker
          value={form.orgUnitId}
          testId="staff-new-unit"
          onChange={(u) => {
            const lvl = u.level as OrgLevel;
            setLevel(lvl);
            const allowed = rolesAtLevel(lvl, isSysadmin).map((o) => o.role);
            set({ orgUnitId: u.id, roles: form.roles.filter((r) => allowed.includes(r)) });
          }}
        />
        <Text className="jh-section-title">角色</Text>
        <RolePicker
          level={level}
          value={form.roles}
          onChange={(roles) => set({ roles })}
          actorIsSysadmin={isSysadmin}
        />
      </View>
      <AccountFields form={form} set={set} />
      <FieldError message={error} testId="staff-new-error" />
      <BigButton onClick={() => void submit()} loading={busy} loadingText="正在开通…" testId="staff-new-submit">
        开通账号
      </BigButton>
    </Screen>
  );
}
