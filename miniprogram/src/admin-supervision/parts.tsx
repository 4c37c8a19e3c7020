import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { INSPECTION_ITEM_RESULT_LABELS, type HonestyFlagResponse, type InspectionResponse } from '@jianghuai/shared';
import { BigButton } from '../components/BigButton';
import { InfoRow } from '../components/Choice';
import { InlineError } from '../components/States';
import { errorText } from '../hooks/useResource';
import { formatDateTime } from '../logic/format';
import { flagTitle, inspectionStatusText } from '../logic/supervision';
import '../components/casework/casework.css';

/** An inspection's facts: company, date, inspectors, each item's result, findings, deadline, rectification. */
export function InspectionInfo({ i }: { i: InspectionResponse }) {
  return (
    <View className="jh-card" data-testid="inspection-info">
      <Text className="jh-title jh-block" data-testid="inspection-status">
        {inspectionStatusText(i)}
        {i.overdue ? (
          <Text className="jh-case-flag" data-testid="inspection-overdue">
            逾期
          </Text>
        ) : null}
      </Text>
      <InfoRow label="被检查单位" value={i.companyName} />
      <InfoRow label="检查日期" value={<Text className="jh-time">{i.inspectedOn}</Text>} />
      <InfoRow label="检查单位" value={i.orgUnitName} />
      <InfoRow label="检查人员" value={i.inspectors.join('、')} />
      {i.items.map((it, n) => (
        <InfoRow
          key={n}
          label={it.item}
          value={`${INSPECTION_ITEM_RESULT_LABELS[it.result]}${it.note ? `：${it.note}` : ''}`}
        />
      ))}
      <InfoRow label="发现的问题" value={i.findings || '无'} testId="inspection-findings" />
      {i.rectifyBy ? (
        <InfoRow label="整改期限" value={<Text className="jh-time">{i.rectifyBy}</Text>} testId="inspection-deadline" />
      ) : null}
      {i.photos.length ? <InfoRow label="照片" value={`${i.photos.length} 张`} /> : null}
      {i.companyConfirmedAt ? (
        <InfoRow
          label="单位确认"
          value={
            <>
              <Text className="jh-time">{formatDateTime(i.companyConfirmedAt)}</Text> {i.companyNote ?? ''}
            </>
          }
          testId="inspection-company-note"
        />
      ) : null}
      {i.rectifiedOn ? (
        <InfoRow
          label="整改完成"
          value={
            <>
              <Text className="jh-time">{i.rectifiedOn}</Text> {i.rectifyNote ?? ''}（{i.rectifiedBy ?? ''}）
            </>
          }
          testId="inspection-rectified"
        />
      ) : null}
      <InfoRow label="记录人" value={i.recordedBy} />
    </View>
  );
}

/** A flag's summary, where it belongs, when, and the records behind it; the dismissal when there is one. */
export function FlagInfo({ f }: { f: HonestyFlagResponse }) {
  return (
    <View className="jh-card" data-testid="flag-info">
      <Text className="jh-title jh-block">{flagTitle(f)}</Text>
      <Text className="jh-block" data-testid="flag-summary">
        {f.summary}
      </Text>
      <InfoRow label="所属单位" value={f.orgUnitName} />
      <InfoRow label="发生时间" value={<Text className="jh-time">{formatDateTime(f.occurredAt)}</Text>} />
      <InfoRow label="发现时间" value={<Text className="jh-time">{formatDateTime(f.detectedAt)}</Text>} />
      {f.links.map((l) => (
        <InfoRow key={`${l.type}-${l.id}`} label="相关记录" value={`${l.label}（编号 ${l.id}）`} />
      ))}
      {f.status === 'dismissed' ? (
        <InfoRow label="已排除" value={`${f.dismissReason ?? ''}（${f.dismissedBy ?? ''}）`} testId="flag-dismissed" />
      ) : null}
    </View>
  );
}

/** One note and one big button: the company's confirmation, the station's 整改完成, a flag's dismissal. */
export function NoteForm({
  title,
  placeholder,
  button,
  busyText,
  minChars,
  testId,
  onSubmit,
}: {
  title: string;
  placeholder: string;
  button: string;
  busyText: string;
  minChars: number;
  testId: string;
  onSubmit: (note: string) => Promise<unknown>;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (note.trim().length < minChars) return setError(`请至少写 ${minChars} 个字`);
    setBusy(true);
    setError(null);
    try {
      await onSubmit(note.trim());
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-card" data-testid={testId}>
      <Text className="jh-section-title jh-block">{title}</Text>
      <Textarea
        className="jh-input jh-textarea"
        style={{ height: '100px', width: '100%', padding: '10px 14px' }}
        value={note}
        maxlength={200}
        placeholder={placeholder}
        onInput={(e) => setNote(e.detail.value)}
        data-testid={`${testId}-note`}
      />
      <InlineError message={error} testId={`${testId}-error`} />
      <BigButton onClick={() => void send()} loading={busy} loadingText={busyText} testId={`${testId}-save`}>
        {button}
      </BigButton>
    </View>
  );
}

/** A row of an inspection list: company, overdue flag, status, dates; opens `url`. */
export function InspectionRow({ i, url }: { i: InspectionResponse; url: string }) {
  return (
    <View className="jh-tip-row" data-testid="inspection-row" onClick={() => void Taro.navigateTo({ url })}>
      <Text className="jh-tip-row__title">
        {i.companyName}
        {i.overdue ? <Text className="jh-case-flag">逾期</Text> : null}
      </Text>
      <Text className="jh-tip-row__line" data-testid="inspection-row-status">
        状态：{inspectionStatusText(i)}
      </Text>
      <Text className="jh-tip-row__line">
        检查：<Text className="jh-time">{i.inspectedOn}</Text>
        {i.rectifyBy ? (
          <>
            {' '}
            · 期限：<Text className="jh-time">{i.rectifyBy}</Text>
          </>
        ) : null}{' '}
        ›
      </Text>
    </View>
  );
}
