import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ASSIGNMENT_RULE_LABELS, type AssignmentResponse, type VolunteerArchiveResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { NotReadyScreen } from '../../components/NotReadyScreen';
import { BigButton } from '../../components/BigButton';
import { FieldError, InfoRow } from '../../components/Choice';
import { withWholeDates } from '../../components/WholeDates';
import { CriminalCheckForm } from '../../components/CriminalCheckForm';
import { useResource, type Resource } from '../../hooks/useResource';
import { useSession } from '../../hooks/useSession';
import { shanghaiNow, skillExpiryLabel, starsLabel } from '../../logic/enrolment-view';
import { recheckLine } from '../../logic/volunteer-edit';
import { formatDateTime } from '../../logic/format';
import { getVolunteer, recordRecheck, revealVolunteerPii, volunteerAssignments } from '../../services/enrolment-admin';
import { usePiiReveal } from '../usePiiReveal';
import { ArchiveEditor } from './ArchiveEditor';
import { Exemptions } from './Exemptions';
import { Reassign } from './Reassign';
import { PointsAdjust } from './PointsAdjust';
import '../../admin/admin.css';
import '../../components/enrolment.css';

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

/** The archive at a glance; the full ID number and phone only after a confirmed (and logged) 查看. */
function RecordCard({ v }: { v: VolunteerArchiveResponse }) {
  const {
    full,
    error: revealError,
    reveal,
  } = usePiiReveal('查看完整的身份证号和手机号会记入操作日志。确定查看吗？', (field) =>
    revealVolunteerPii(v.id, field),
  );
  return (
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
      <InfoRow
        label="年度政审复核"
        value={withWholeDates(recheckLine(v, shanghaiNow().date))}
        testId="record-recheck"
      />
      {v.skills.map((s) => (
        <InfoRow key={s.name} label={`技能：${s.name}`} value={withWholeDates(skillExpiryLabel(s))} />
      ))}
      {v.exemptions
        .filter((e) => e.active)
        .map((e) => (
          <InfoRow key={e.id} label="特殊情况" value={`${e.reason}（至 ${e.endsOn}）`} />
        ))}
    </View>
  );
}

/** 年度政审复核: the confirmation after recording one, and the form (a fresh one after each record). */
function Recheck({
  v,
  onRecorded,
}: {
  v: VolunteerArchiveResponse;
  onRecorded: (v: VolunteerArchiveResponse) => void;
}) {
  const session = useSession();
  const [recheckDone, setRecheckDone] = useState<string | null>(null);
  return (
    <>
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
          onRecorded(updated);
          setRecheckDone(
            updated.status === 'suspended'
              ? `复核结果已记录，${updated.name}的资格已暂停。`
              : `复核结果已记录，下次复核 ${updated.criminalCheckDueOn ?? '—'} 前。`,
          );
        }}
      />
    </>
  );
}

/** 调整管理派出所 and its history; a reassignment just made is shown at once (the volunteer may now be outside
 * this officer's scope). */
function Assignments({ v, history }: { v: VolunteerArchiveResponse; history: Resource<AssignmentResponse[]> }) {
  const [made, setMade] = useState<AssignmentResponse[]>([]);
  return (
    <>
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
    </>
  );
}

export default function VolunteerRecordPage() {
  const router = useRouter();
  const vid = Number(router.params?.id);
  const fetcher = useCallback(() => getVolunteer(vid), [vid]);
  const res = useResource(fetcher, String(vid));
  // Loaded beside the archive, not after it.
  const historyFetcher = useCallback(() => volunteerAssignments(vid), [vid]);
  const history = useResource(historyFetcher, String(vid));

  if (res.status !== 'ready') return <NotReadyScreen resource={res} testId="volunteer-record" />;
  const v = res.data;
  return (
    <Screen testId="volunteer-record">
      <RecordCard v={v} />
      <ArchiveEditor archive={v} onSaved={res.replace} />
      <Exemptions
        archive={v}
        onAdded={(e) => res.replace({ ...v, exemptions: [e, ...v.exemptions], daysUntilInactivityRevocation: null })}
      />
      <Recheck v={v} onRecorded={res.replace} />
      <Assignments v={v} history={history} />
      <PointsAdjust archive={v} />
    </Screen>
  );
}
