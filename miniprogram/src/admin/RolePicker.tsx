import { Text, View } from '@tarojs/components';
import type { OrgLevel, StaffRole } from '@jianghuai/shared';
import { Choice } from '../components/Choice';
import { rolesAtLevel, toggleRole } from '../logic/staff-admin';

/** The roles allowed at the chosen unit's level, each a big tappable choice (several may be held). */
export function RolePicker({
  level,
  value,
  onChange,
  actorIsSysadmin,
}: {
  level: OrgLevel | null;
  value: StaffRole[];
  onChange: (roles: StaffRole[]) => void;
  actorIsSysadmin: boolean;
}) {
  const options = rolesAtLevel(level, actorIsSysadmin);
  if (!level) return <Text className="jh-muted">请先选择所属单位，再选择角色。</Text>;
  return (
    <View>
      {options.map((o) => (
        <Choice
          key={o.role}
          selected={value.includes(o.role)}
          onTap={() => onChange(toggleRole(value, o.role))}
          title={o.label}
          testId="role-choice"
        />
      ))}
    </View>
  );
}
