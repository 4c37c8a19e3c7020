import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { OrgLevel } from '@jianghuai/shared';
import { FieldError } from '../components/Choice';
import { useResource } from '../hooks/useResource';
import { flattenOrg, type OrgOption } from '../logic/enrolment-view';
import { fetchOrgTree } from '../services/enrolment-admin';
import { FilterChip } from '../admin-applications/FilterChip';

/**
 * The org units of the officer's own scope (the server's tree is already scoped), searched by name:
 * the first 12 matches as chips, the chosen one kept in view while the search changes.
 */
export function OrgUnitPicker({
  value,
  onChange,
  levels,
  testId,
}: {
  value: number | null;
  onChange: (unit: OrgOption) => void;
  levels?: readonly OrgLevel[];
  testId: string;
}) {
  const tree = useResource(fetchOrgTree, 'tree');
  const [query, setQuery] = useState('');
  if (tree.status === 'loading') return <Text className="jh-muted">正在加载单位…</Text>;
  if (tree.status === 'error') return <FieldError message={tree.error} />;
  const all = flattenOrg(tree.data).filter((u) => !levels || levels.includes(u.level as OrgLevel));
  const matches = all.filter((u) => !query || u.label.includes(query)).slice(0, 12);
  const chosen = all.find((u) => u.id === value);
  const shown = chosen && !matches.includes(chosen) ? [chosen, ...matches] : matches;
  return (
    <View>
      <Input
        className="jh-input jh-input--full"
        value={query}
        placeholder="输入单位名称查找"
        onInput={(e) => setQuery(e.detail.value.trim())}
        data-testid={`${testId}-search`}
      />
      <View className="jh-filter" style={{ marginTop: '10px' }}>
        {shown.map((u) => (
          <FilterChip key={u.id} on={u.id === value} label={u.label} onTap={() => onChange(u)} testId={testId} />
        ))}
      </View>
    </View>
  );
}
