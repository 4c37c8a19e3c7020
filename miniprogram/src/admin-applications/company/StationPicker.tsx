import { Text, View } from '@tarojs/components';
import { FieldError } from '../../components/Choice';
import { useResource } from '../../hooks/useResource';
import { flattenOrg } from '../../logic/enrolment-view';
import { fetchOrgTree } from '../../services/enrolment-admin';
import { FilterChip } from '../FilterChip';

/** Every police station as a tappable chip (a company's home station, or the station a site is in). */
export function StationPicker({
  value,
  onChange,
  testId,
}: {
  value: number | null;
  onChange: (id: number) => void;
  testId: string;
}) {
  const tree = useResource(fetchOrgTree, 'tree');
  const stations = tree.status === 'ready' ? flattenOrg(tree.data, 'station') : [];
  if (tree.status === 'loading') return <Text className="jh-muted">正在加载派出所…</Text>;
  if (tree.status === 'error') return <FieldError message={tree.error} />;
  return (
    <View className="jh-filter">
      {stations.map((s) => (
        <FilterChip key={s.id} on={value === s.id} label={s.name} onTap={() => onChange(s.id)} testId={testId} />
      ))}
    </View>
  );
}
