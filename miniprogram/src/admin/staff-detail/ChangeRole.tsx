import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { OrgLevel, StaffResponse, StaffRole } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { errorText } from '../../hooks/useResource';
import { rolesAtLevel } from '../../logic/staff-admin';
import { updateStaff } from '../../services/admin';
import { OrgUnitPicker } from '../OrgUnitPicker';
import { RolePicker } from '../RolePicker';

/** 调整角色和单位: a unit in scope and the roles that fit its level, saved together. */
export function ChangeRole({
  staff,
  actorIsSysadmin,
  onChanged,
}: {
  staff: StaffResponse;
  actorIsSysadmin: boolean;
  onChanged: (s: StaffResponse) => void;
}) {
  const [unitId, setUnitId] = useState(staff.orgUnit.id);
  const [level, setLevel] = useState<OrgLevel>(staff.orgUnit.level);
  const [roles, setRoles] = useState<StaffRole[]>(staff.roles);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (roles.length === 0) return setError('请选择至少一个角色');
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      onChanged(await updateStaff(staff.id, { roles, orgUnitId: unitId }));
      setDone(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-card" data-testid="staff-change-role">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        调整角色和单位
      </Text>
      <OrgUnitPicker
        value={unitId}
        testId="staff-role-unit"
        onChange={(u) => {
          const lvl = u.level as OrgLevel;
          const allowed = rolesAtLevel(lvl, actorIsSysadmin).map((o) => o.role);
          setUnitId(u.id);
          setLevel(lvl);
          setRoles((rs) => rs.filter((r) => allowed.includes(r)));
        }}
      />
      <RolePicker level={level} value={roles} onChange={setRoles} actorIsSysadmin={actorIsSysadmin} />
      <FieldError message={error} testId="staff-role-error" />
      {done ? (
        <View className="jh-field-ok" data-testid="staff-role-done">
          <Text>✓ 已保存，并记入操作日志。</Text>
        </View>
      ) : null}
      <BigButton
        kind="secondary"
        onClick={() => void save()}
        loading={busy}
        loadingText="正在保存…"
        testId="staff-role-save"
      >
        保存角色和单位
      </BigButton>
    </View>
  );
}
