import { useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  EQUIPMENT_ITEMS,
  REQUIRED_EQUIPMENT,
  TEAMS,
  VOLUNTEER_STATUS_LABELS,
  VOLUNTEER_TIER_LABELS,
  VOLUNTEER_TIERS,
  type VolunteerArchiveResponse,
  type VolunteerStatus,
} from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { Choice, FieldError } from '../../components/Choice';
import { errorText } from '../../hooks/useResource';
import { shanghaiNow } from '../../logic/enrolment-view';
import { editOf, toggleEquipment, toggleTeam, toUpdateRequest, type ArchiveEdit } from '../../logic/volunteer-edit';
import { updateVolunteer } from '../../services/enrolment-admin';
import { FilterChip } from '../FilterChip';

const STATUSES: VolunteerStatus[] = ['active', 'suspended', 'revoked'];

/** The archive being edited, kept in step with the saved one, and its save. */
function useArchiveEdit(archive: VolunteerArchiveResponse, onSaved: (a: VolunteerArchiveResponse) => void) {
  const [edit, setEdit] = useState<ArchiveEdit>(() => editOf(archive));
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setEdit(editOf(archive)), [archive]);
  const set = (patch: Partial<ArchiveEdit>) => {
    setEdit((e) => ({ ...e, ...patch }));
    setError(null);
    setSaved(false);
  };
  const save = async () => {
    const built = toUpdateRequest(edit, archive);
    if (!built.ok) return setError(built);
    if (!built.changed) return setError({ field: 'form', message: '没有需要保存的修改' });
    setBusy(true);
    try {
      onSaved(await updateVolunteer(archive.id, built.body));
      setSaved(true);
    } catch (e) {
      setError({ field: 'form', message: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return { edit, error, saved, busy, set, save };
}

/** 已发装备: tapping issues an item (dated today) or takes it back. */
function EquipmentChips({ edit, set }: { edit: ArchiveEdit; set: (patch: Partial<ArchiveEdit>) => void }) {
  const today = shanghaiNow().date;
  return (
    <View className="jh-filter">
      {EQUIPMENT_ITEMS.map((item) => {
        const issued = edit.equipment.find((e) => e.item === item);
        return (
          <View
            key={item}
            className={`jh-filter__item${issued ? ' jh-filter__item--on' : ''}`}
            onClick={() => set({ equipment: toggleEquipment(edit.equipment, item, today) })}
            data-testid={`equipment-${item}`}
          >
            {issued ? `✓ ${item}（${issued.issuedOn}）` : item}
            {item === REQUIRED_EQUIPMENT ? ' · 必发' : ''}
          </View>
        );
      })}
    </View>
  );
}

/** 状态, and the reason a change of status needs. */
function StatusChoice({
  archive,
  edit,
  set,
  error,
}: {
  archive: VolunteerArchiveResponse;
  edit: ArchiveEdit;
  set: (patch: Partial<ArchiveEdit>) => void;
  error: { field: string; message: string } | null;
}) {
  return (
    <>
      <Text className="jh-field__label">状态</Text>
      <View className="jh-filter">
        {STATUSES.map((s) => (
          <FilterChip
            key={s}
            on={edit.status === s}
            mark="● "
            label={VOLUNTEER_STATUS_LABELS[s]}
            onTap={() => set({ status: s })}
            testId={`status-${s}`}
          />
        ))}
      </View>
      {edit.status !== archive.status ? (
        <View>
          <Text className="jh-field__label">调整状态的原因（必填）</Text>
          <Input
            className="jh-input jh-input--full"
            value={edit.statusReason}
            maxlength={200}
            onInput={(e) => set({ statusReason: e.detail.value })}
            data-testid="status-reason"
          />
          <FieldError message={error?.field === 'statusReason' ? error.message : null} />
        </View>
      ) : null}
    </>
  );
}

/** 编辑档案: tier, teams, equipment issued, status (with a reason) and notes. */
export function ArchiveEditor({
  archive,
  onSaved,
}: {
  archive: VolunteerArchiveResponse;
  onSaved: (a: VolunteerArchiveResponse) => void;
}) {
  const { edit, error, saved, busy, set, save } = useArchiveEdit(archive, onSaved);
  return (
    <View className="jh-card" data-testid="volunteer-editor">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        编辑档案
      </Text>
      <Text className="jh-field__label">层级</Text>
      {VOLUNTEER_TIERS.map((t) => (
        <Choice
          key={t}
          selected={edit.tier === t}
          onTap={() => set({ tier: t })}
          title={VOLUNTEER_TIER_LABELS[t]}
          testId={`tier-${t}`}
        />
      ))}
      <Text className="jh-field__label">编组</Text>
      <View className="jh-filter">
        {TEAMS.map((t) => (
          <FilterChip
            key={t}
            on={edit.teams.includes(t)}
            label={t}
            onTap={() => set({ teams: toggleTeam(edit.teams, t) })}
            testId={`team-${t}`}
          />
        ))}
      </View>
      <Text className="jh-field__label">已发装备（点选发放或收回，发放日期记为今天）</Text>
      <EquipmentChips edit={edit} set={set} />
      <StatusChoice archive={archive} edit={edit} set={set} error={error} />
      <Text className="jh-field__label" style={{ marginTop: '12px' }}>
        备注
      </Text>
      <Textarea
        className="jh-textarea"
        value={edit.notes}
        maxlength={500}
        onInput={(e) => set({ notes: e.detail.value })}
        data-testid="volunteer-notes"
      />
      <FieldError message={error?.field === 'form' ? error.message : null} testId="volunteer-save-error" />
      {saved ? (
        <View className="jh-field-ok" data-testid="volunteer-saved">
          <Text>✓ 已保存，并记入操作日志</Text>
        </View>
      ) : null}
      <BigButton onClick={() => void save()} loading={busy} loadingText="正在保存…" testId="volunteer-save">
        保存修改
      </BigButton>
    </View>
  );
}
