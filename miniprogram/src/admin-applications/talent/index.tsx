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
import { FilterChip } from '../FilterChip';
import '../../admin/admin.css';
import '../../components/enrolment.css';

// The seed's six categories first, then the other skills.
const SKILL_OPTIONS: Skill[] = [...TALENT_CATEGORIES, ...SKILLS.filter((s) => !TALENT_CATEGORIES.includes(s))];

type TalentFilter = { skill?: Skill; tier?: VolunteerTier; available: boolean; orgUnitId?: number };
type TalentQuery = Omit<TalentFilter, 'available'> & { available?: true };

/** Skill, tier, area (when the viewer sees more than one) and 只看可调用; tapping a chosen one again clears it. */
function Filters({ filter, onChange }: { filter: TalentFilter; onChange: (patch: Partial<TalentFilter>) => void }) {
  const { skill, tier, available, orgUnitId } = filter;
  const tree = useResource(fetchOrgTree, 'tree');
  const areas =
    tree.status === 'ready' ? flattenOrg(tree.data).filter((o) => o.level === 'branch' || o.level === 'station') : [];
  return (
    <>
      <Text className="jh-field__label">技能</Text>
      <View className="jh-filter">
        <FilterChip on={!skill} label="不限" onTap={() => onChange({ skill: undefined })} />
        {SKILL_OPTIONS.map((s) => (
          <FilterChip
            key={s}
            on={skill === s}
            label={s}
            onTap={() => onChange({ skill: skill === s ? undefined : s })}
            testId={`talent-skill-${s}`}
          />
        ))}
      </View>
      <Text className="jh-field__label">层级</Text>
      <View className="jh-filter">
        <FilterChip on={!tier} label="不限" onTap={() => onChange({ tier: undefined })} />
        {VOLUNTEER_TIERS.map((t) => (
          <FilterChip
            key={t}
            on={tier === t}
            label={VOLUNTEER_TIER_LABELS[t]}
            onTap={() => onChange({ tier: tier === t ? undefined : t })}
          />
        ))}
      </View>
      {areas.length > 1 ? (
        <View>
          <Text className="jh-field__label">区域</Text>
          <View className="jh-filter">
            <FilterChip on={!orgUnitId} label="全部" onTap={() => onChange({ orgUnitId: undefined })} />
            {areas.map((a) => (
              <FilterChip
                key={a.id}
                on={orgUnitId === a.id}
                label={a.name}
                onTap={() => onChange({ orgUnitId: orgUnitId === a.id ? undefined : a.id })}
              />
            ))}
          </View>
        </View>
      ) : null}
      <View className="jh-filter">
        <FilterChip
          on={available}
          label="只看可调用"
          onTap={() => onChange({ available: !available })}
          testId="talent-available"
        />
      </View>
    </>
  );
}

/** 导出 Excel with the filters shown (the server logs the export). */
function ExportButton({ query }: { query: TalentQuery }) {
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
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
    <>
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
    </>
  );
}

export default function TalentPoolPage() {
  const [filter, setFilter] = useState<TalentFilter>({ available: false });
  const { skill, tier, available, orgUnitId } = filter;
  const query: TalentQuery = { skill, tier, available: available || undefined, orgUnitId };
  const fetchPage = useCallback(
    (page: number) => searchTalentPool({ ...query, page, pageSize: PAGE_SIZE }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `query` is rebuilt every render from these four
    [skill, tier, available, orgUnitId],
  );
  const list = usePagedList(fetchPage, `${skill}|${tier}|${available}|${orgUnitId}`);

  return (
    <Screen testId="talent-pool">
      <Filters filter={filter} onChange={(patch) => setFilter((f) => ({ ...f, ...patch }))} />
      <ExportButton query={query} />
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
