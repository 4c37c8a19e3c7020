import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import {
  ASSIGNMENT_RULE_LABELS,
  EQUIPMENT_ITEMS,
  REQUIRED_EQUIPMENT,
  TEAMS,
  VOLUNTEER_STATUS_LABELS,
  VOLUNTEER_TIER_LABELS,
  VOLUNTEER_TIERS,
  type AssignmentResponse,
  type ExemptionResponse,
  type VolunteerArchiveResponse,
  type VolunteerStatus,
} from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { NotReadyScreen } from '../../components/NotReadyScreen';
import { BigButton } from '../../components/BigButton';
import { Choice, FieldError, InfoRow } from '../../components/Choice';
import { CriminalCheckForm } from '../../components/CriminalCheckForm';
import { errorText, useResource } from '../../hooks/useResource';
import { useSession } from '../../hooks/useSession';
import { flattenOrg, shanghaiNow, skillExpiryLabel, starsLabel } from '../../logic/enrolment-view';
import {
  addMonths,
  buildExemption,
  editOf,
  EXEMPTION_QUICK_MONTHS,
  quickMonthsLabel,
  recheckLine,
  toggleEquipment,
  toggleTeam,
  toUpdateRequest,
  type ArchiveEdit,
} from '../../logic/volunteer-edit';
import { formatDateTime } from '../../logic/format';
import {
  addExemption,
  fetchAllStations,
  getVolunteer,
  reassignVolunteer,
  recordRecheck,
  revealVolunteerPii,
  updateVolunteer,
  volunteerAssignments,
} from '../../services/enrolment-admin';
import '../../admin/admin.css';
import '../../components/enrolment.css';

const STATUSES: VolunteerStatus[] = ['active', 'suspended', 'revoked'];

function assignmentLine(a: AssignmentResponse): string {
  const from = a.fromStation ? `${a.fromStation.name} → ` : '';
  const state =
    a.status === 'pending'
      ? '（待接收分局确认）'
      : a.status === 'declined'
        ? `（被拒绝：${a.declineReason ?? ''}）`
        : '';
  return `${from}${a.toStation.name}${state}`;
}

function Editor({
  archive,
  onSaved,
}: {
  archive: VolunteerArchiveResponse;
  onSaved: (a: VolunteerArchiveResponse) => void;
}) {
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
  const today = shanghaiNow().date;
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
          <View
            key={t}
            className={`jh-filter__item${edit.teams.includes(t) ? ' jh-filter__item--on' : ''}`}
            onClick={() => set({ teams: toggleTeam(edit.teams, t) })}
            data-testid={`team-${t}`}
          >
            {edit.teams.includes(t) ? '✓ ' : ''}
            {t}
          </View>
        ))}
      </View>
      <Text className="jh-field__label">已发装备（点选发放或收回，发放日期记为今天）</Text>
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
      <Text className="jh-field__label">状态</Text>
      <View className="jh-filter">
        {STATUSES.map((s) => (
          <View
            key={s}
            className={`jh-filter__item${edit.status === s ? ' jh-filter__item--on' : ''}`}
            onClick={() => set({ status: s })}
            data-testid={`status-${s}`}
          >
            {edit.status === s ? '● ' : ''}
            {VOLUNTEER_STATUS_LABELS[s]}
          </View>
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

function Reassign({ archive, onDone }: { archive: VolunteerArchiveResponse; onDone: (a: AssignmentResponse) => void }) {
  const stations = useResource(fetchAllStations, 'stations');
  const [query, setQuery] = useState('');
  const [stationId, setStationId] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options =
    stations.status === 'ready'
      ? flattenOrg(stations.data, 'station').filter(
          (s) => s.id !== archive.station?.id && (!query || s.name.includes(query)),
        )
      : [];
  const submit = async () => {
    if (!stationId) return setError('请选择新的管理派出所');
    if (reason.trim().length < 2) return setError('请填写调整原因');
    setBusy(true);
    setError(null);
    try {
      const a = await reassignVolunteer(archive.id, stationId, reason.trim());
      setResult(
        a.status === 'pending'
          ? `已提交：调往${a.toStation.name}属跨分局调整，需接收分局确认后生效。`
          : `已调整到${a.toStation.name}，并记入操作日志。新派出所不在您的管辖范围时，之后将不能再查看该义警。`,
      );
      onDone(a);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-card" data-testid="reassign">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        调整管理派出所
      </Text>
      <Input
        className="jh-input jh-input--full"
        value={query}
        placeholder="输入派出所名称查找"
        onInput={(e) => setQuery(e.detail.value.trim())}
        data-testid="reassign-search"
      />
      <View style={{ marginTop: '10px' }}>
        {(query ? options.slice(0, 8) : options.filter((o) => o.id === stationId)).map((o) => (
          <Choice
            key={o.id}
            selected={stationId === o.id}
            onTap={() => setStationId(o.id)}
            title={o.name}
            hint={o.label !== o.name ? o.label : undefined}
            testId="reassign-station"
          />
        ))}
      </View>
      <Text className="jh-field__label">调整原因（必填）</Text>
      <Input
        className="jh-input jh-input--full"
        value={reason}
        maxlength={200}
        onInput={(e) => setReason(e.detail.value)}
        data-testid="reassign-reason"
      />
      <FieldError message={error} testId="reassign-error" />
      {result ? (
        <View className="jh-field-ok" data-testid="reassign-result">
          <Text>✓ {result}</Text>
        </View>
      ) : null}
      <BigButton
        kind="secondary"
        onClick={() => void submit()}
        loading={busy}
        loadingText="正在提交…"
        testId="reassign-submit"
      >
        提交调整
      </BigButton>
    </View>
  );
}

/** 特殊情况: while one runs, the volunteer is not revoked for inactivity (docs/product.md#volunteers-archive). */
function Exemptions({
  archive,
  onAdded,
}: {
  archive: VolunteerArchiveResponse;
  onAdded: (e: ExemptionResponse) => void;
}) {
  const today = shanghaiNow().date;
  const [reason, setReason] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const built = buildExemption({ reason, endsOn }, today);
    if (!built.ok) return setProblem(built);
    setBusy(true);
    setProblem(null);
    try {
      const e = await addExemption(archive.id, built.body);
      setAdded(`已登记：${e.endsOn} 前不因未履职注销资格，并记入操作日志。`);
      setReason('');
      setEndsOn('');
      onAdded(e);
    } catch (e) {
      setProblem({ field: 'form', message: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-card" data-testid="exemptions">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        特殊情况
      </Text>
      <Text className="jh-field-hint">
        因病、外出务工等暂时不能履职：登记原因和截止日期，期间不因长期未履职注销资格。
      </Text>
      {archive.exemptions.length === 0 ? <Text className="jh-muted">没有登记过特殊情况</Text> : null}
      {archive.exemptions.map((e) => (
        <View key={e.id} className="jh-row-card" data-testid="exemption-row">
          <Text className="jh-row-card__title">
            {e.active ? '【有效】' : '【已结束】'}
            {e.reason}
          </Text>
          <Text className="jh-row-card__line">
            截止 {e.endsOn} · {e.createdBy.name}登记
          </Text>
        </View>
      ))}
      <Text className="jh-field__label" style={{ marginTop: '12px' }}>
        原因
      </Text>
      <Input
        className="jh-input jh-input--full"
        value={reason}
        maxlength={200}
        placeholder="如：因病住院"
        onInput={(e) => {
          setReason(e.detail.value);
          setProblem(null);
          setAdded(null);
        }}
        data-testid="exemption-reason"
      />
      <FieldError message={problem?.field === 'reason' ? problem.message : null} />
      <Text className="jh-field__label" style={{ marginTop: '12px' }}>
        截止日期（点选时长，或在下方选择日期）
      </Text>
      <View className="jh-filter">
        {EXEMPTION_QUICK_MONTHS.map((n) => {
          const date = addMonths(today, n);
          return (
            <View
              key={n}
              className={`jh-filter__item${endsOn === date ? ' jh-filter__item--on' : ''}`}
              onClick={() => {
                setEndsOn(date);
                setProblem(null);
                setAdded(null);
              }}
              data-testid={`exemption-months-${n}`}
            >
              {endsOn === date ? '✓ ' : ''}
              {quickMonthsLabel(n)}
            </View>
          );
        })}
      </View>
      <Picker
        mode="date"
        value={endsOn || today}
        start={today}
        onChange={(e) => {
          setEndsOn(e.detail.value);
          setProblem(null);
          setAdded(null);
        }}
      >
        <View className="jh-input" style={{ lineHeight: '56px' }} data-testid="exemption-ends-on">
          {endsOn || '点此选择日期'}
        </View>
      </Picker>
      <FieldError
        message={problem?.field === 'endsOn' ? problem.message : problem?.field === 'form' ? problem.message : null}
        testId="exemption-error"
      />
      {added ? (
        <View className="jh-field-ok" data-testid="exemption-added">
          <Text>✓ {added}</Text>
        </View>
      ) : null}
      <BigButton
        kind="secondary"
        onClick={() => void submit()}
        loading={busy}
        loadingText="正在登记…"
        testId="exemption-submit"
      >
        登记特殊情况
      </BigButton>
    </View>
  );
}

export default function VolunteerRecordPage() {
  const router = useRouter();
  const vid = Number(router.params?.id);
  const fetcher = useCallback(() => getVolunteer(vid), [vid]);
  const res = useResource(fetcher, String(vid));
  const historyFetcher = useCallback(() => volunteerAssignments(vid), [vid]);
  const history = useResource(historyFetcher, String(vid));
  // A reassignment just made is shown at once: the volunteer may now be outside this officer's scope.
  const [made, setMade] = useState<AssignmentResponse[]>([]);
  const [full, setFull] = useState<{ idNumber: string | null; phone: string | null } | null>(null);
  const [revealError, setRevealError] = useState<string | null>(null);
  const [recheckDone, setRecheckDone] = useState<string | null>(null);
  const session = useSession();

  if (res.status !== 'ready') return <NotReadyScreen resource={res} testId="volunteer-record" />;
  const v = res.data;
  const reveal = async () => {
    const { confirm } = await Taro.showModal({
      title: '查看完整信息',
      content: '查看完整的身份证号和手机号会记入操作日志。确定查看吗？',
      confirmText: '确定查看',
      confirmColor: '#0b3d91',
      cancelText: '取消',
    });
    if (!confirm) return;
    try {
      const [id, phone] = await Promise.all([revealVolunteerPii(v.id, 'idNumber'), revealVolunteerPii(v.id, 'phone')]);
      setFull({ idNumber: id.value, phone: phone.value });
    } catch (e) {
      setRevealError(errorText(e));
    }
  };
  return (
    <Screen testId="volunteer-record">
      <View className="jh-card">
        <Text className="jh-title" data-testid="record-name">
          {v.name} · {v.memberNo}
        </Text>
        <InfoRow label="状态" value={`${v.statusLabel}${v.statusReason ? `（${v.statusReason}）` : ''}`} />
        <InfoRow label="管理派出所" value={v.station?.name ?? '待分配'} testId="record-station" />
        <InfoRow label="星级 / 服务时长" value={`${starsLabel(v.starLevel)} / ${v.serviceHours} 小时`} />
        <InfoRow label="身份证号" value={full?.idNumber ?? v.idNumberMasked ?? '—'} />
        <InfoRow label="手机号" value={full?.phone ?? v.phoneMasked ?? '—'} />
        {full ? (
          <Text className="jh-field-hint">本次查看已记入操作日志。</Text>
        ) : (
          <BigButton kind="secondary" onClick={() => void reveal()} testId="record-reveal">
            查看完整信息（将记入操作日志）
          </BigButton>
        )}
        <FieldError message={revealError} />
        {v.company ? <InfoRow label="单位" value={`${v.company.name}${v.site ? ` · ${v.site.name}` : ''}`} /> : null}
        <InfoRow label="最近履职" value={v.lastDutyAt ? formatDateTime(v.lastDutyAt).slice(0, 10) : '无记录'} />
        <InfoRow label="年度政审复核" value={recheckLine(v, shanghaiNow().date)} testId="record-recheck" />
        {v.skills.map((s) => (
          <InfoRow key={s.name} label={`技能：${s.name}`} value={skillExpiryLabel(s)} />
        ))}
        {v.exemptions
          .filter((e) => e.active)
          .map((e) => (
            <InfoRow key={e.id} label="特殊情况" value={`${e.reason}（至 ${e.endsOn}）`} />
          ))}
      </View>
      <Editor archive={v} onSaved={res.replace} />
      <Exemptions
        archive={v}
        onAdded={(e) => res.replace({ ...v, exemptions: [e, ...v.exemptions], daysUntilInactivityRevocation: null })}
      />
      {recheckDone ? (
        <View className="jh-card jh-field-ok" data-testid="recheck-done">
          <Text>✓ {recheckDone}</Text>
        </View>
      ) : null}
      <CriminalCheckForm
        key={v.criminalCheckedAt ?? 'none'}
        title="记录年度政审复核"
        hint="每年在内网复核一次违法犯罪记录，在此记录核查人、时间和结果。结果为“有违法犯罪记录”时，该义警的资格将被暂停。"
        defaultChecker={session.status === 'signedIn' ? session.me.displayName : ''}
        confirmRecord={`记录为“有违法犯罪记录”将暂停${v.name}的义警资格，并记入操作日志。确定吗？`}
        onSubmit={async (body) => {
          const updated = await recordRecheck(v.id, body);
          res.replace(updated);
          setRecheckDone(
            updated.status === 'suspended'
              ? `复核结果已记录，${updated.name}的资格已暂停。`
              : `复核结果已记录，下次复核 ${updated.criminalCheckDueOn ?? '—'} 前。`,
          );
        }}
      />
      <Reassign archive={v} onDone={(a) => setMade((prev) => [a, ...prev])} />
      <View className="jh-card" data-testid="assignment-history">
        <Text className="jh-section-title" style={{ marginTop: 0 }}>
          管理派出所调整记录
        </Text>
        {[...made, ...(history.status === 'ready' ? history.data : [])].map((a) => (
          <InfoRow
            key={a.id}
            label={`${formatDateTime(a.createdAt).slice(0, 10)} ${ASSIGNMENT_RULE_LABELS[a.rule]}`}
            value={`${assignmentLine(a)}${a.reason ? `；原因：${a.reason}` : ''}`}
          />
        ))}
        {history.status === 'loading' ? <Text className="jh-muted">正在加载…</Text> : null}
        {history.status === 'error' ? <Text className="jh-muted">{history.error}</Text> : null}
      </View>
    </Screen>
  );
}
