import { useCallback, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { TEAM_KINDS, TEAM_KIND_LABELS, type OrgUnitNode, type TeamResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { Choice, FieldError } from '../../components/Choice';
import { InlineError } from '../../components/States';
import { NotReadyScreen } from '../../components/NotReadyScreen';
import { useResource } from '../../hooks/useResource';
import { messageOf } from '../../hooks/useSignup';
import {
  emptyTeamForm,
  stationsOf,
  teamFormOf,
  toTeamRequest,
  toggledPerson,
  validateTeamForm,
  type TeamForm,
  type TeamFormErrors,
} from '../../logic/team-form';
import { fetchOrgTree } from '../../services/enrolment-admin';
import { createTeam, getTeam, updateTeam } from '../../services/teams-admin';
import { ChosenPeople, PersonPicker } from './PersonPicker';
import '../../admin/admin.css';
import '../../components/enrolment.css';
import '../../components/activity/activity.css';

type Set = (change: Partial<TeamForm>) => void;

function TextInput({
  label,
  value,
  onInput,
  testId,
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  testId: string;
}) {
  return (
    <View className="jh-field">
      <Text className="jh-field__label">{label}</Text>
      <Input className="jh-input" value={value} onInput={(e) => onInput(e.detail.value)} data-testid={testId} />
    </View>
  );
}

function LongText({
  label,
  value,
  onInput,
  testId,
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  testId: string;
}) {
  return (
    <View className="jh-field">
      <Text className="jh-field__label">{label}</Text>
      <Textarea
        className="jh-input jh-textarea"
        value={value}
        maxlength={2000}
        onInput={(e) => onInput(e.detail.value)}
        data-testid={testId}
      />
    </View>
  );
}

/** Kind, station (when the viewer has several) and area: a community of the station or a described grid. */
function WhereFields({
  form,
  set,
  errors,
  stations,
}: {
  form: TeamForm;
  set: Set;
  errors: TeamFormErrors;
  stations: OrgUnitNode[];
}) {
  const station = stations.find((s) => s.id === form.stationId);
  return (
    <>
      <Text className="jh-field__label">队伍类型</Text>
      {TEAM_KINDS.map((k) => (
        <Choice
          key={k}
          selected={form.kind === k}
          onTap={() => set({ kind: k })}
          title={TEAM_KIND_LABELS[k]}
          testId={`team-kind-${k}`}
        />
      ))}
      {stations.length > 1 ? <Text className="jh-field__label">所属派出所</Text> : null}
      {stations.length > 1
        ? stations.map((s) => (
            <Choice
              key={s.id}
              selected={form.stationId === s.id}
              onTap={() => set({ stationId: s.id, communityId: null, leader: null, members: [] })}
              title={s.name}
              testId="team-station"
            />
          ))
        : null}
      <FieldError message={errors.stationId} />
      <Text className="jh-field__label">责任区域</Text>
      {(station?.children ?? []).map((c) => (
        <Choice
          key={c.id}
          selected={form.communityId === c.id}
          onTap={() => set({ communityId: c.id })}
          title={c.name}
          testId="team-community"
        />
      ))}
      <Choice
        selected={form.communityId === null}
        onTap={() => set({ communityId: null })}
        title="网格（填写描述）"
        testId="team-grid"
      />
      {form.communityId === null ? (
        <TextInput
          label="网格描述"
          value={form.areaText}
          onInput={(v) => set({ areaText: v })}
          testId="team-area-text"
        />
      ) : null}
      <FieldError message={errors.area} testId="team-area-error" />
    </>
  );
}

/** Leader (one) and members (many), each picked among the station's active volunteers by name. */
function PeopleFields({ form, set }: { form: TeamForm; set: Set }) {
  if (form.stationId === null) return <Text className="jh-block jh-muted">先选择所属派出所，再选队长和队员。</Text>;
  return (
    <>
      <Text className="jh-section-title">队长：{form.leader?.name ?? '未选择'}</Text>
      <ChosenPeople
        people={form.leader ? [form.leader] : []}
        onRemove={() => set({ leader: null })}
        testId="team-leader-chosen"
      />
      <PersonPicker
        stationId={form.stationId}
        selected={form.leader ? [form.leader] : []}
        onTap={(p) => set({ leader: form.leader?.volunteerId === p.volunteerId ? null : p })}
        testId="team-leader"
      />
      <Text className="jh-section-title">队员（已选 {form.members.length} 人）</Text>
      <ChosenPeople
        people={form.members}
        onRemove={(p) => set({ members: toggledPerson(form.members, p) })}
        testId="team-members-chosen"
      />
      <PersonPicker
        stationId={form.stationId}
        selected={form.members}
        onTap={(p) => set({ members: toggledPerson(form.members, p) })}
        testId="team-members"
      />
    </>
  );
}

function TeamEditor({ team, stations }: { team: TeamResponse | null; stations: OrgUnitNode[] }) {
  const [form, setForm] = useState<TeamForm>(() => (team ? teamFormOf(team) : emptyTeamForm(stations[0]?.id ?? null)));
  const [errors, setErrors] = useState<TeamFormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set: Set = (change) => setForm((f) => ({ ...f, ...change }));

  async function save() {
    const found = validateTeamForm(form);
    setErrors(found);
    const problems = Object.values(found).filter(Boolean);
    if (problems.length) return setError(`还有 ${problems.length} 处需要修改：${problems[0]}`);
    setError(null);
    setBusy(true);
    try {
      await (team ? updateTeam(team.id, toTeamRequest(form)) : createTeam(toTeamRequest(form)));
      void Taro.showToast({ title: '队伍已保存', icon: 'none', duration: 2500 });
      void Taro.navigateBack();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen testId="team-edit">
      <TextInput label="队伍名称" value={form.name} onInput={(v) => set({ name: v })} testId="team-name" />
      <FieldError message={errors.name} testId="team-name-error" />
      <WhereFields form={form} set={set} errors={errors} stations={stations} />
      <PeopleFields form={form} set={set} />
      <LongText label="职责" value={form.duties} onInput={(v) => set({ duties: v })} testId="team-duties" />
      <LongText label="工作制度" value={form.rules} onInput={(v) => set({ rules: v })} testId="team-rules" />
      <InlineError message={error} testId="team-error" />
      <BigButton onClick={() => void save()} loading={busy} loadingText="正在保存…" testId="team-submit">
        保存队伍
      </BigButton>
    </Screen>
  );
}

/** Create a team (no id) or edit one (`?id=`): the form with the station's communities and volunteers. */
export default function TeamEditPage() {
  const id = Number(useRouter().params?.id ?? 0);
  const fetcher = useCallback(async () => {
    const [tree, team] = await Promise.all([fetchOrgTree(), id ? getTeam(id) : Promise.resolve(null)]);
    return { stations: stationsOf(tree), team };
  }, [id]);
  const res = useResource(fetcher, String(id));
  if (res.status !== 'ready') return <NotReadyScreen resource={res} testId="team-edit" />;
  return <TeamEditor team={res.data.team} stations={res.data.stations} />;
}
