import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { Choice } from '../../components/Choice';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { errorText, useResource } from '../../hooks/useResource';
import { CALLUP_PHOTOS_MAX, VERIFICATION_RESULTS, type VerificationResult } from '@jianghuai/shared';
import {
  ITEM_NOTE_MAX,
  REPORT_TEXT_MAX,
  reportProblem,
  reportTextOf,
  RESULT_WORDS,
  type ItemAnswer,
} from '../../logic/callups';
import { myCallup, reportCallup, type MyCallupDetail } from '../../services/callups';
import { PhotoField } from './PhotoField';
import '../../components/enrolment.css';
import '../../components/callups/callups.css';

const MAX_PHOTOS = CALLUP_PHOTOS_MAX;

interface ItemState extends ItemAnswer {
  photoIds: string[];
  busy: boolean;
}

/** One 摸排 object: 有 / 无 / 有变化, a note, photos. */
function ItemCard({
  label,
  value,
  onChange,
  onProblem,
}: {
  label: string;
  value: ItemState;
  onChange: (patch: Partial<ItemState>) => void;
  onProblem: (m: string) => void;
}) {
  return (
    <View className="jh-card" data-testid="callup-item">
      <Text className="jh-cu-title">{label}</Text>
      {VERIFICATION_RESULTS.map((r: VerificationResult) => (
        <Choice
          key={r}
          selected={value.result === r}
          onTap={() => onChange({ result: r })}
          title={RESULT_WORDS[r]}
          testId={`callup-item-${r}`}
        />
      ))}
      <Text className="jh-block">说明{value.result === 'changed' ? '（请写变化情况）' : '（可不填）'}</Text>
      <Input
        className="jh-cu-input"
        value={value.note}
        maxlength={ITEM_NOTE_MAX}
        onInput={(e) => onChange({ note: e.detail.value })}
        data-testid="callup-item-note"
      />
      <PhotoField
        max={3}
        label="拍照"
        testId="callup-item-photos"
        onChange={(photoIds, busy) => onChange({ photoIds, busy })}
        onProblem={onProblem}
      />
    </View>
  );
}

function ReportForm({ c }: { c: MyCallupDetail }) {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<{ ids: string[]; busy: boolean }>({ ids: [], busy: false });
  const [items, setItems] = useState<ItemState[]>(() =>
    c.items.map((i) => ({ itemId: i.id, result: null, note: '', photoIds: [], busy: false })),
  );
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const patchItem = (index: number, patch: Partial<ItemState>) =>
    setItems((all) => all.map((it, i) => (i === index ? { ...it, ...patch } : it)));
  const submit = async () => {
    const uploading = photos.busy || items.some((i) => i.busy);
    const problem = reportProblem(text, c.items, items, uploading);
    if (problem) return setError(problem);
    setSending(true);
    setError(null);
    try {
      await reportCallup(c.id, {
        text: reportTextOf(text, items),
        photoIds: photos.ids,
        items: items.map((i) => ({
          itemId: i.itemId,
          result: i.result!,
          ...(i.note.trim() ? { note: i.note.trim() } : {}),
          photoIds: i.photoIds,
        })),
      });
      void Taro.navigateBack();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSending(false);
    }
  };
  return (
    <View>
      <Text className="jh-cu-title">{c.title}</Text>
      {c.items.map((item, i) => (
        <ItemCard
          key={item.id}
          label={item.label}
          value={items[i]}
          onChange={(p) => patchItem(i, p)}
          onProblem={setError}
        />
      ))}
      <Text className="jh-section-title jh-block">
        现场情况{c.items.length ? '（可不填）' : ''}（{text.length}/{REPORT_TEXT_MAX}）
      </Text>
      <Textarea
        className="jh-cu-input jh-cu-textarea"
        value={text}
        maxlength={REPORT_TEXT_MAX}
        placeholder="做了什么、看到了什么（可以点键盘上的话筒说话）"
        onInput={(e) => setText(e.detail.value)}
        data-testid="callup-report-text"
      />
      <PhotoField
        max={MAX_PHOTOS}
        label="拍照或选照片"
        testId="callup-report-photos"
        onChange={(ids, busy) => setPhotos({ ids, busy })}
        onProblem={setError}
      />
      <InlineError message={error} testId="callup-report-error" />
      <BigButton onClick={() => void submit()} loading={sending} loadingText="正在提交…" testId="callup-report-submit">
        提交反馈
      </BigButton>
    </View>
  );
}

/** 反馈: what was done (text, photos), and for a 摸排 one card per object with 有 / 无 / 有变化. */
export default function CallupReportPage() {
  const id = Number(useRouter().params.id);
  const callup = useResource(
    useCallback(() => myCallup(id), [id]),
    `my-callup:${id}`,
  );
  return (
    <Screen testId="callup-report-page">
      {callup.status === 'loading' ? <LoadingState /> : null}
      {callup.status === 'error' ? <ErrorState message={callup.error} onRetry={callup.reload} /> : null}
      {callup.status === 'ready' ? <ReportForm c={callup.data} /> : null}
    </Screen>
  );
}
