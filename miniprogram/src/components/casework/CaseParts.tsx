import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import {
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_TYPE_LABELS,
  INCIDENT_CATEGORY_LABELS,
  businessDate,
  type DisputeResponse,
  type DisputeStepRequest,
  type IncidentReportResponse,
} from '@jianghuai/shared';
import { BigButton } from '../BigButton';
import { InfoRow } from '../Choice';
import { DateTimeField } from '../DateTimeField';
import { InlineError } from '../States';
import { Chips } from '../activity/Chips';
import { errorText } from '../../hooks/useResource';
import { formatDateTime } from '../../logic/format';
import { OUTCOME_OPTIONS, disputeStatusText, incidentFlags, incidentStatusText } from '../../logic/casework';
import './casework.css';

/** A case's facts: status, type, parties (masked phones), place, what it is about, dates, mediator, outcome. */
export function DisputeInfo({ d }: { d: DisputeResponse }) {
  return (
    <View className="jh-card" data-testid="dispute-info">
      <Text className="jh-title jh-block" data-testid="dispute-status">
        {disputeStatusText(d.status)}
      </Text>
      <InfoRow label="类型" value={DISPUTE_TYPE_LABELS[d.type]} />
      <InfoRow
        label="当事人"
        value={d.parties.map((p) => (p.phoneMasked ? `${p.name}（${p.phoneMasked}）` : p.name)).join('、')}
        testId="dispute-parties"
      />
      <InfoRow label="地点" value={d.address} />
      <InfoRow label="情况" value={d.description} />
      <InfoRow label="派出所" value={d.stationName} />
      <InfoRow label="登记日期" value={d.openedOn} />
      {d.tipId ? <InfoRow label="来源" value={`线索 #${d.tipId}`} /> : null}
      <InfoRow
        label="调解员"
        value={d.mediator ? `${d.mediator.name}（${d.mediator.memberNo}）` : '未指定'}
        testId="dispute-mediator"
      />
      {d.proposedOutcome ? (
        <InfoRow
          label="调解员提议"
          value={`${DISPUTE_OUTCOME_LABELS[d.proposedOutcome]}：${d.proposedNote ?? ''}`}
          testId="dispute-proposal"
        />
      ) : null}
      {d.outcome ? (
        <InfoRow
          label="结果"
          value={`${DISPUTE_OUTCOME_LABELS[d.outcome]}（${d.closedOn ?? ''}）：${d.outcomeNote ?? ''}`}
          testId="dispute-outcome"
        />
      ) : null}
    </View>
  );
}

export function DisputeSteps({ d }: { d: DisputeResponse }) {
  return (
    <View className="jh-card" data-testid="dispute-steps">
      <Text className="jh-section-title jh-block">调处工作记录</Text>
      {d.steps.length === 0 ? <Text className="jh-muted jh-block">还没有记录</Text> : null}
      {d.steps.map((s) => (
        <View key={s.id} className="jh-case-step" data-testid="dispute-step">
          <Text className="jh-block">
            {s.date} · {s.author}
          </Text>
          <Text className="jh-block">{s.text}</Text>
        </View>
      ))}
    </View>
  );
}

/** 记录工作: the day (today unless changed, never later) and what was done. */
export function StepForm({ onSubmit }: { onSubmit: (body: DisputeStepRequest) => Promise<unknown> }) {
  const [date, setDate] = useState(() => businessDate(new Date()));
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (text.trim().length < 2) return setError('请写明做了什么');
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ date, text: text.trim() });
      setText('');
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-card" data-testid="dispute-step-form">
      <Text className="jh-section-title jh-block">记录调处工作</Text>
      <DateTimeField label="日期" date={date} onChange={(v) => setDate(v.date)} testId="dispute-step-date" />
      <Textarea
        className="jh-input jh-textarea"
        style={{ height: '100px', width: '100%', padding: '10px 14px' }}
        value={text}
        maxlength={1000}
        placeholder="例如：上门了解情况，约双方周六协商"
        onInput={(e) => setText(e.detail.value)}
        data-testid="dispute-step-text"
      />
      <InlineError message={error} testId="dispute-step-error" />
      <BigButton onClick={() => void send()} loading={busy} loadingText="正在保存…" testId="dispute-step-save">
        保存记录
      </BigButton>
    </View>
  );
}

/** 化解 or 上交 with a note: the mediator's proposal or the officers' close. */
export function OutcomeForm({
  title,
  button,
  initial,
  onSubmit,
}: {
  title: string;
  button: string;
  initial?: DisputeResponse['proposedOutcome'];
  onSubmit: (body: { outcome: 'resolved' | 'escalated'; note: string }) => Promise<unknown>;
}) {
  const [outcome, setOutcome] = useState<'resolved' | 'escalated' | null>(initial ?? null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (!outcome) return setError('请选择化解或上交');
    if (note.trim().length < 2) return setError('请写一句结果说明');
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ outcome, note: note.trim() });
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-card" data-testid="dispute-outcome-form">
      <Text className="jh-section-title jh-block">{title}</Text>
      <Chips options={OUTCOME_OPTIONS} value={outcome} onChange={setOutcome} testId="dispute-outcome-choice" />
      <Textarea
        className="jh-input jh-textarea"
        style={{ height: '80px', width: '100%', padding: '10px 14px' }}
        value={note}
        maxlength={1000}
        placeholder="结果说明，例如：双方签订协议，矛盾已化解"
        onInput={(e) => setNote(e.detail.value)}
        data-testid="dispute-outcome-note"
      />
      <InlineError message={error} testId="dispute-outcome-error" />
      <BigButton onClick={() => void send()} loading={busy} loadingText="正在提交…" testId="dispute-outcome-save">
        {button}
      </BigButton>
    </View>
  );
}

export function IncidentFlags({ r }: { r: IncidentReportResponse }) {
  return (
    <>
      {incidentFlags(r).map((f) => (
        <Text key={f} className="jh-case-flag" data-testid="incident-flag">
          {f}
        </Text>
      ))}
    </>
  );
}

/** A report's facts with its flags, 受理 and the disposal. */
export function ReportInfo({ r }: { r: IncidentReportResponse }) {
  return (
    <View className="jh-card" data-testid="incident-info">
      <Text className="jh-title jh-block" data-testid="incident-status">
        {incidentStatusText(r)}
        <IncidentFlags r={r} />
      </Text>
      <InfoRow label="类别" value={`${INCIDENT_CATEGORY_LABELS[r.category]} · ${r.subcategory}`} />
      <InfoRow label="报送单位" value={r.companyName} />
      <InfoRow label="事发时间" value={<Text className="jh-time">{formatDateTime(r.occurredAt)}</Text>} />
      <InfoRow
        label="报送时间"
        value={<Text className="jh-time">{formatDateTime(r.filedAt)}</Text>}
        testId="incident-filed"
      />
      <InfoRow label="报送时限" value={<Text className="jh-time">{formatDateTime(r.reportDueAt)}</Text>} />
      <InfoRow label="地点" value={r.place} />
      <InfoRow label="内容" value={r.content} />
      <InfoRow label="涉及人员" value={r.people || '未填'} />
      <InfoRow label="附件" value={`${r.attachments.length} 个`} />
      <InfoRow label="接收派出所" value={r.stationName} />
      {r.acknowledgedAt ? (
        <InfoRow
          label="受理"
          value={
            <>
              <Text className="jh-time">{formatDateTime(r.acknowledgedAt)}</Text> {r.acknowledgedBy ?? ''}
            </>
          }
        />
      ) : null}
      {r.classification ? <InfoRow label="定性分类" value={r.classification} testId="incident-class" /> : null}
      {r.disposal ? <InfoRow label="处置情况" value={r.disposal} testId="incident-disposal" /> : null}
    </View>
  );
}
