import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ConfirmAttendanceResponse, SignupAdminResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../components/States';
import {
  attendanceItems,
  attendanceProblem,
  attendanceSummary,
  attendanceWarning,
  initialAttendance,
  type AttendanceRow,
} from '../../logic/activity-admin';
import { attendanceRowView } from '../../logic/service-time';
import { formatMinutes } from '../../logic/activities';
import { formatDateTime } from '../../logic/format';
import { messageOf } from '../../hooks/useSignup';
import { confirmAttendance, listSignups } from '../../services/activities-admin';
import '../../components/activity/activity.css';

const MAX_PAGES = 10;

async function allConfirmedSignups(id: number): Promise<SignupAdminResponse[]> {
  const out: SignupAdminResponse[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res = await listSignups(id, { status: 'confirmed', page, pageSize: 100 });
    out.push(...res.items);
    if (out.length >= res.total || !res.items.length) break;
  }
  return out;
}

/** Checked in, never out: accept the proposed overlap up to the end, or type the real minutes (labelled manual). */
function Decision({ row, onDecide }: { row: AttendanceRow; onDecide: (d: AttendanceRow['decision']) => void }) {
  const view = attendanceRowView(row.signup);
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const d = row.decision;
  function useManual() {
    const n = Number(minutes);
    if (!Number.isInteger(n) || n < 1 || n > 1440) return setProblem('请填写 1 到 1440 之间的整数分钟');
    if (note.trim().length < 2) return setProblem('请写明补录原因（至少 2 个字）');
    setProblem(null);
    onDecide({ kind: 'manual', minutes: n, note: note.trim() });
  }
  return (
    <View className="jh-status-box" onClick={(e) => e.stopPropagation()} data-testid="attendance-decision">
      {d ? (
        <View>
          <Text className="jh-block" style={{ fontWeight: 700 }} data-testid="attendance-decided">
            {d.kind === 'end'
              ? `按签到至活动结束计 ${formatMinutes(view.proposedMinutes)}`
              : `人工补录 ${formatMinutes(d.minutes)}（${d.note}）`}
          </Text>
          <Button
            className="jh-btn jh-btn--secondary"
            onClick={() => onDecide(undefined)}
            data-testid="attendance-decision-undo"
          >
            重新选择
          </Button>
        </View>
      ) : (
        <View>
          <Text className="jh-block">此人已签到但没有签退，请选择怎样计时：</Text>
          <Button
            className="jh-btn jh-btn--primary"
            onClick={() => onDecide({ kind: 'end' })}
            data-testid="attendance-accept-proposed"
          >
            按签到至活动结束计 {formatMinutes(view.proposedMinutes)}
          </Button>
          <Text className="jh-block" style={{ marginTop: '12px' }}>
            或填写实际服务时长（记为人工补录）：
          </Text>
          <Input
            className="jh-input"
            type="number"
            value={minutes}
            placeholder="分钟数"
            onInput={(e) => setMinutes(e.detail.value)}
            data-testid="attendance-manual-minutes"
          />
          <Input
            className="jh-input"
            value={note}
            placeholder="补录原因，例如：提前离开"
            maxlength={200}
            onInput={(e) => setNote(e.detail.value)}
            data-testid="attendance-manual-note"
          />
          <Button className="jh-btn jh-btn--secondary" onClick={useManual} data-testid="attendance-manual-save">
            按填写的时长计
          </Button>
          {problem ? <Text className="jh-field__error">{problem}</Text> : null}
        </View>
      )}
    </View>
  );
}

function Row({
  row,
  onToggle,
  onDecide,
}: {
  row: AttendanceRow;
  onToggle: () => void;
  onDecide: (d: AttendanceRow['decision']) => void;
}) {
  const s = row.signup;
  const warn = attendanceWarning(row);
  const view = attendanceRowView(s);
  const decided =
    s.attendance === 'confirmed'
      ? `已确认出勤 · ${s.pointsAwarded} 积分`
      : s.attendance === 'absent'
        ? '已记缺勤'
        : null;
  return (
    <View
      className={`jh-check-row${row.present ? ' jh-check-row--on' : ''}`}
      onClick={row.open ? onToggle : undefined}
      data-testid="attendance-row"
      data-signup-id={s.id}
    >
      <View className="jh-check-box">{row.present ? '✓' : ''}</View>
      <View style={{ flex: 1 }}>
        <Text className="jh-block" style={{ fontWeight: 700 }}>
          {s.volunteer.name} <Text className="jh-muted">{s.volunteer.memberNo}</Text>
        </Text>
        <Text className="jh-block jh-muted">
          {s.checkinAt
            ? `签到 ${formatDateTime(s.checkinAt).slice(11)}${s.checkinMethod === 'qr' ? '（扫码）' : s.checkinDistanceM !== null ? `（距 ${s.checkinDistanceM} 米）` : ''}`
            : '未签到'}
          {s.checkoutAt ? ` · 签退 ${formatDateTime(s.checkoutAt).slice(11)}` : ''}
        </Text>
        <Text className="jh-block" data-testid="attendance-minutes">
          {view.minutesLine}
        </Text>
        {view.badges.length ? (
          <View className="jh-block" data-testid="attendance-flags">
            {view.badges.map((b) => (
              <Text key={b} className="jh-badge jh-badge--wait" style={{ marginRight: '8px' }}>
                {b}
              </Text>
            ))}
          </View>
        ) : null}
        <Text className="jh-block" style={{ fontWeight: 600 }}>
          {decided ?? (row.present ? '出勤' : '缺勤')}
        </Text>
        {row.open && warn ? <Text className="jh-field__error">{warn}</Text> : null}
        {row.open && row.present && view.needsDecision ? <Decision row={row} onDecide={onDecide} /> : null}
      </View>
    </View>
  );
}

/** The confirmed sign-ups as attendance rows, the officer's ticks and timing choices, and confirming them. */
function useAttendance(id: number) {
  const [rows, setRows] = useState<AttendanceRow[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<ConfirmAttendanceResponse | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setRows(initialAttendance(await allConfirmedSignups(id)));
    } catch (caught) {
      setLoadError(messageOf(caught));
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  const toggle = (signupId: number) =>
    setRows((prev) => (prev ?? []).map((r) => (r.signup.id === signupId ? { ...r, present: !r.present } : r)));
  const decide = (signupId: number, decision: AttendanceRow['decision']) =>
    setRows((prev) => (prev ?? []).map((r) => (r.signup.id === signupId ? { ...r, decision } : r)));
  const setAll = (present: boolean) =>
    setRows((prev) => (prev ?? []).map((r) => (r.open ? { ...r, present: present && !!r.signup.checkinAt } : r)));

  async function submit() {
    if (!rows) return;
    const problem = attendanceProblem(rows);
    if (problem) return setError(problem);
    const { confirm } = await Taro.showModal({
      title: '确认出勤',
      content: attendanceSummary(rows),
      confirmText: '确认',
      confirmColor: '#0b3d91',
      cancelText: '再看看',
      cancelColor: '#344054',
    });
    if (!confirm) return;
    setSaving(true);
    setError(null);
    try {
      setResult(await confirmAttendance(id, attendanceItems(rows)));
      await load();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setSaving(false);
    }
  }

  return { rows, loadError, error, saving, result, load, toggle, decide, setAll, submit };
}

/** What the last confirmation did: who was confirmed with how many points, who was absent, who was already done. */
function AttendanceResult({ result }: { result: ConfirmAttendanceResponse }) {
  return (
    <View className="jh-status-box jh-status-box--ok" data-testid="attendance-result">
      <Text className="jh-block" style={{ fontWeight: 700 }}>
        已确认 {result.confirmed.length} 人出勤，共发放 {result.confirmed.reduce((n, c) => n + c.points, 0)} 积分；
        {result.absent.length} 人缺勤。
      </Text>
      {result.unchanged.length ? (
        <Text className="jh-block">{result.unchanged.length} 人此前已确认，未重复发放。</Text>
      ) : null}
    </View>
  );
}

export default function AttendancePage() {
  const id = Number(useRouter().params.id);
  const { rows, loadError, error, saving, result, load, toggle, decide, setAll, submit } = useAttendance(id);
  if (loadError)
    return (
      <Screen>
        <ErrorState message={loadError} onRetry={() => void load()} />
      </Screen>
    );
  if (!rows)
    return (
      <Screen>
        <LoadingState text="正在加载报名名单…" />
      </Screen>
    );
  const open = rows.filter((r) => r.open);

  return (
    <Screen testId="attendance-page">
      {result ? <AttendanceResult result={result} /> : null}
      {rows.length === 0 ? <EmptyState text="这个活动没有报名成功的人。" /> : null}
      {open.length ? (
        <View className="jh-row-buttons">
          <BigButton kind="secondary" onClick={() => setAll(true)} testId="attendance-all">
            已签到的全选
          </BigButton>
          <BigButton kind="secondary" onClick={() => setAll(false)} testId="attendance-none">
            全不选
          </BigButton>
        </View>
      ) : null}
      <View style={{ marginTop: '12px' }}>
        {rows.map((r) => (
          <Row
            key={r.signup.id}
            row={r}
            onToggle={() => toggle(r.signup.id)}
            onDecide={(d) => decide(r.signup.id, d)}
          />
        ))}
      </View>
      <InlineError message={error} testId="attendance-error" />
      {open.length ? (
        <View>
          <Text className="jh-block jh-muted" data-testid="attendance-summary">
            {attendanceSummary(rows)}
          </Text>
          <BigButton onClick={() => void submit()} loading={saving} loadingText="正在确认…" testId="attendance-submit">
            确认出勤并发放积分
          </BigButton>
        </View>
      ) : rows.length ? (
        <Text className="jh-block jh-muted">出勤已全部确认。</Text>
      ) : null}
    </Screen>
  );
}
