import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import {
  NARRATIVE_MAX,
  type CompiledStageReport,
  type CompiledUnit,
  type MyNarrative,
  type StageSubmitter,
} from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { InlineError } from '../../components/States';
import { formatDateTime } from '../../logic/format';
import { dueText, pctText, responseSpeedText } from '../../logic/dashboard';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import { exportStage, writeNarrative } from '../../services/reports';
import { Section, UnitCard } from '../components/Figures';

const message = (e: unknown) => (e instanceof HttpError ? e.message : NETWORK_ERROR_MESSAGE);

/** A branch's or station's own narrative for the stage: the due date, the text, and 逾期 once written late. */
export function NarrativeForm({ mine, today, onSaved }: { mine: MyNarrative; today: string; onSaved: () => void }) {
  const [text, setText] = useState(mine.narrative?.text ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const n = mine.narrative;
  const save = async () => {
    if (!text.trim()) return setError('请填写本单位的阶段工作情况');
    setBusy(true);
    setError(null);
    try {
      await writeNarrative(mine.stage.id, text.trim());
      void Taro.showToast({ title: '已提交', icon: 'success' });
      onSaved();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={`${mine.orgName ?? '本单位'}的阶段工作情况`} testId="narrative-form">
      <Text className="jh-block" data-testid="narrative-due">
        {dueText(mine.stage.dueDate, today)}
      </Text>
      {n ? (
        <Text className="jh-block" data-testid="narrative-state">
          已于 <Text className="jh-time">{formatDateTime(n.submittedAt)}</Text> 提交
          {n.late ? <Text className="jh-dash-late">逾期</Text> : null}
          {n.editedAfterDue ? '（截止后修改过）' : ''}
        </Text>
      ) : (
        <Text className="jh-block jh-muted" data-testid="narrative-state">
          尚未提交
        </Text>
      )}
      <Textarea
        className="jh-dash-textarea jh-textarea"
        value={text}
        maxlength={NARRATIVE_MAX}
        placeholder="本阶段开展的工作、取得的成效、存在的问题和下一步打算"
        onInput={(e) => setText(e.detail.value)}
        data-testid="narrative-text"
      />
      <InlineError message={error} testId="narrative-error" />
      <BigButton onClick={() => void save()} loading={busy} loadingText="正在提交…" testId="narrative-submit">
        {n ? '修改并提交' : '提交'}
      </BigButton>
    </Section>
  );
}

/** 逾期 or 未报 units, each with its branch. */
export function SubmitterList({ title, rows, testId }: { title: string; rows: StageSubmitter[]; testId: string }) {
  return (
    <Section title={`${title}（${rows.length}）`} testId={testId}>
      {rows.length === 0 ? <Text className="jh-block jh-muted">没有</Text> : null}
      {rows.map((r) => (
        <View key={r.orgId} className="jh-row-card" data-testid={`${testId}-row`} data-name={r.orgName}>
          <Text className="jh-row-card__title">{r.orgName}</Text>
          <Text className="jh-row-card__line">
            {r.branchName ? `${r.branchName} · ` : ''}
            {r.submittedOn ? `${r.submittedOn} 提交` : '尚未提交'}
            {r.late ? <Text className="jh-dash-late">逾期</Text> : null}
          </Text>
        </View>
      ))}
    </Section>
  );
}

function unitLines(u: CompiledUnit): string[] {
  const f = u.figures;
  return [
    `义警 ${f.volunteers} 人 · 入会率 ${pctText(f.joinRate)}`,
    `勤务达标 ${pctText(f.weeklyRuleRate)} · 线索 ${f.tipsCount} 条`,
    `集结响应 ${responseSpeedText(f.callupAcceptMedianS, f.callupAcceptMedianS !== null)}`,
  ];
}

/** The compiled report: the figures as of the due date per branch and its stations, then who was late or missing. */
export function Compiled({ report }: { report: CompiledStageReport }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await exportStage(report.stage.id, `${report.stage.name}.xlsx`);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View data-testid="stage-compiled">
      <Section title={`数据截至 ${report.asOf}（截止日期）`} testId="stage-compiled-figures">
        <Text className="jh-block jh-muted">
          汇总于 <Text className="jh-time">{formatDateTime(report.compiledAt)}</Text>
        </Text>
        {report.city ? (
          <UnitCard name={report.city.orgName} lines={unitLines(report.city)} testId="stage-compiled-city" />
        ) : null}
        {report.branches.map((b) => (
          <View key={b.orgId}>
            <UnitCard name={b.orgName} lines={unitLines(b)} testId="stage-compiled-branch" />
            {b.stations.map((st) => (
              <UnitCard key={st.orgId} name={st.orgName} lines={unitLines(st)} sub />
            ))}
          </View>
        ))}
      </Section>
      <SubmitterList title="逾期提交" rows={report.late} testId="stage-late" />
      <SubmitterList title="未提交" rows={report.missing} testId="stage-missing" />
      <InlineError message={error} testId="stage-export-error" />
      <BigButton onClick={() => void download()} loading={busy} loadingText="正在导出…" testId="stage-export">
        导出 Excel（每个分局一页）
      </BigButton>
    </View>
  );
}
