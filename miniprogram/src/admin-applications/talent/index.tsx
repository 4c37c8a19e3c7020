import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  SKILLS,
  TALENT_CATEGORIES,
  VOLUNTEER_TIER_LABELS,
  VOLUNTEER_TIERS,
  type Skill,
  type VolunteerTier,
} from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { errorText, useResource } from '../../hooks/useResource';
import { flattenOrg } from '../../logic/enrolment-view';
import { exportTalentPool, fetchOrgTree, searchTalentPool } from '../../services/enrolment-admin';
import { VolunteerRow } from '../VolunteerRow';
import '../../admin/admin.css';
import '../../components/enrolment.css';

// The seed's six categories first, then the other skills.
const SKILL_OPTIONS: Skill[] = [...TALENT_CATEGORIES, ...SKILLS.filter((s) => !TALENT_CATEGORIES.includes(s))];

function Chip({ on, label, onTap, testId }: { on: boolean; label: string; onTap: () => void; testId?: string }) {
  return (
    <View className={`jh-filter__item${on ? ' jh-filter__item--on' : ''}`} onClick={onTap} data-testid={testId}>
      {on ? '✓ ' : ''}
      {label}
    </View>
  );
}

export default function TalentPoolPage() {
  const [skill, setSkill] = useState<Skill | undefined>();
  const [tier, setTier] = useState<VolunteerTier | undefined>();
  const [available, setAvailable] = useState(false);
  const [orgUnitId, setOrgUnitId] = useState<number | undefined>();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const tree = useResource(fetchOrgTree, 'tree');
  const areas =
    tree.status === 'ready' ? flattenOrg(tree.data).filter((o) => o.level === 'branch' || o.level === 'station') : [];
  const query = { skill, tier, available: available || undefined, orgUnitId };
  const fetchPage = useCallback(
    (page: number) => searchTalentPool({ ...query, page, pageSize: PAGE_SIZE }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `query` is rebuilt every render from these four
    [skill, tier, available, orgUnitId],
  );
  const list = usePagedList(fetchPage, `${skill}|${tier}|${available}|${orgUnitId}`);

  const onExport = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await exportTalentPool(query);
    } catch (e) {
      setExportError(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Screen testId="talent-pool">
      <Text className="jh-field__label">技能</Text>
      <View className="jh-filter">
        <Chip on={!skill} label="不限" onTap={() => setSkill(undefined)} />
        {SKILL_OPTIONS.map((s) => (
          <Chip
            key={s}
            on={skill === s}
            label={s}
            onTap={() => setSkill(skill === s ? undefined : s)}
            testId={`talent-skill-${s}`}
          />
        ))}
      </View>
      <Text className="jh-field__label">层级</Text>
      <View className="jh-filter">
        <Chip on={!tier} label="不限" onTap={() => setTier(undefined)} />
        {VOLUNTEER_TIERS.map((t) => (
          <Chip
            key={t}
            on={tier === t}
            label={VOLUNTEER_TIER_LABELS[t]}
            onTap={() => setTier(tier === t ? undefined : t)}
          />
        ))}
      </View>
      {areas.length > 1 ? (
        <View>
          <Text className="jh-field__label">区域</Text>
          <View className="jh-filter">
            <Chip on={!orgUnitId} label="全部" onTap={() => setOrgUnitId(undefined)} />
            {areas.map((a) => (
              <Chip
                key={a.id}
                on={orgUnitId === a.id}
                label={a.name}
                onTap={() => setOrgUnitId(orgUnitId === a.id ? undefined : a.id)}
              />
            ))}
          </View>
        </View>
      ) : null}
      <View className="jh-filter">
        <Chip on={available} label="只看可调用" onTap={() => setAvailable(!available)} testId="talent-available" />
      </View>
      <BigButton
        kind="secondary"
        onClick={() => void onExport()}
        loading={exporting}
        loadingText="正在导出…"
        testId="talent-export"
      >
        导出 Excel（按当前条件，记入操作日志）
      </BigButton>
      <FieldError message={exportError} testId="talent-export-error" />
      <View style={{ marginTop: '16px' }}>
        <PagedListView
          list={list}
          testId="talent-list"
          emptyText="没有符合条件的义警，请放宽条件试试。"
          countLabel={(total) => `共 ${total} 人`}
          renderItem={(v) => <VolunteerRow key={v.id} v={v} />}
        />
      </View>
    </Screen>
  );
}
