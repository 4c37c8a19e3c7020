import { Text } from '@tarojs/components';
import type { OrgLevel } from '@jianghuai/shared';
import { ACTIVITY_OWNER_LEVELS } from '@jianghuai/shared';
import { useResource } from '../../hooks/useResource';
import { flattenOrg } from '../../logic/enrolment-view';
import { fetchOrgTree } from '../../services/enrolment-admin';
import { OrgUnitPicker } from '../../admin/OrgUnitPicker';

/**
 * 发布单位: only when the officer's scope holds more than one unit that may publish (a station with its
 * communities, a branch with its stations …). Nothing chosen means the officer's own unit, the top of the tree.
 */
export function UnitSection({ value, onChange }: { value: number | null; onChange: (id: number) => void }) {
  const tree = useResource(fetchOrgTree, 'tree');
  if (tree.status !== 'ready') return null;
  const units = flattenOrg(tree.data).filter((u) => (ACTIVITY_OWNER_LEVELS as readonly string[]).includes(u.level));
  if (units.length < 2) return null;
  return (
    <>
      <Text className="jh-field__label">发布单位</Text>
      <Text className="jh-block jh-muted">
        分局、市局发布的活动只有下属派出所的义警能看到和报名；派出所、社区发布的全市义警都可报名。
      </Text>
      <OrgUnitPicker
        value={value ?? units[0].id}
        onChange={(u) => onChange(u.id)}
        levels={ACTIVITY_OWNER_LEVELS as readonly OrgLevel[]}
        testId="form-unit"
      />
    </>
  );
}
