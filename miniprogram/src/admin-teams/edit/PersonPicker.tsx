import { useCallback, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { TeamPerson } from '@jianghuai/shared';
import { Choice } from '../../components/Choice';
import { PagedListView } from '../../components/PagedListView';
import { usePagedList } from '../../hooks/usePagedList';
import { searchStationVolunteers } from '../../services/teams-admin';

/**
 * Active volunteers of one station, searched by name: a tap selects (one for the leader) or toggles
 * (members). The chosen people stay listed above the search.
 */
export function PersonPicker({
  stationId,
  selected,
  onTap,
  testId,
}: {
  stationId: number;
  selected: TeamPerson[];
  onTap: (p: TeamPerson) => void;
  testId: string;
}) {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const fetchPage = useCallback((page: number) => searchStationVolunteers(stationId, q, page), [stationId, q]);
  const list = usePagedList(fetchPage, `${stationId}|${q}`);
  const isOn = (id: number) => selected.some((p) => p.volunteerId === id);
  return (
    <View data-testid={testId}>
      <View className="jh-search">
        <Input
          className="jh-input"
          value={draft}
          placeholder="输入姓名查找"
          confirmType="search"
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={() => setQ(draft.trim())}
          data-testid={`${testId}-input`}
        />
        <Button className="jh-btn jh-btn--primary" onClick={() => setQ(draft.trim())} data-testid={`${testId}-search`}>
          查找
        </Button>
      </View>
      <PagedListView
        list={list}
        testId={`${testId}-list`}
        emptyText={q ? `本所没有名为“${q}”的在册义警。` : '本所还没有在册义警。'}
        countLabel={(total) => `共 ${total} 人`}
        renderItem={(v) => (
          <Choice
            key={v.id}
            selected={isOn(v.id)}
            onTap={() => onTap({ volunteerId: v.id, name: v.name, memberNo: v.memberNo })}
            title={v.name}
            hint={`编号 ${v.memberNo}`}
            testId={`${testId}-option`}
          />
        )}
      />
      {selected.length ? null : <Text className="jh-block jh-muted">还没有选择。</Text>}
    </View>
  );
}

/**
 * The people already chosen, each a chip that takes them off when tapped — also someone the picker no longer lists
 * (suspended or moved to another station since), whom the server refuses until they are taken off.
 */
export function ChosenPeople({
  people,
  onRemove,
  testId,
}: {
  people: TeamPerson[];
  onRemove: (p: TeamPerson) => void;
  testId: string;
}) {
  if (!people.length) return null;
  return (
    <View className="jh-chips" data-testid={testId}>
      {people.map((p) => (
        <View
          key={p.volunteerId}
          className="jh-chip jh-chip--on"
          onClick={() => onRemove(p)}
          aria-label={`移出 ${p.name}`}
          data-testid={`${testId}-person`}
          data-name={p.name}
        >
          <Text>{p.name} ✕ 移出</Text>
        </View>
      ))}
    </View>
  );
}
