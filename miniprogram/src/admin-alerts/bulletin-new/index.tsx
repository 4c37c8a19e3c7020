import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  BULLETIN_IMAGE_PURPOSE,
  BULLETIN_MAX_IMAGES,
  BULLETIN_TEXT_MAX,
  ORG_LEVEL_LABELS,
  type AlertTargetsResponse,
} from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { Choice } from '../../components/Choice';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { useResource } from '../../hooks/useResource';
import { useUpload } from '../../hooks/useUpload';
import { PAGES, pageUrl } from '../../logic/routes';
import { alertTargets, publishBulletin } from '../../services/alerts';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import '../../components/enrolment.css';
import '../../components/alerts/alerts.css';
import '../../components/tips/tips.css';

interface BulletinDraft {
  title: string;
  text: string;
  advice: string;
  areaId: number | null;
}

function problemOf(d: BulletinDraft, uploading: boolean): string | null {
  if (d.title.trim().length < 2) return '请填写标题（至少 2 个字）';
  if (d.text.trim().length < 2) return '请填写治安状况';
  if (d.advice.trim().length < 2) return '请填写安全防范指导意见';
  if (!d.areaId) return '请选择通报范围';
  if (uploading) return '图片还在上传，请稍候';
  return null;
}

/** The form, the upload of up to 6 pictures and publishing. */
function useBulletinForm() {
  const [d, setD] = useState<BulletinDraft>({ title: '', text: '', advice: '', areaId: null });
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const targets = useResource<AlertTargetsResponse>(
    useCallback(() => alertTargets(), []),
    'bulletin-areas',
  );
  const upload = useUpload(BULLETIN_IMAGE_PURPOSE);
  const update = (patch: Partial<BulletinDraft>) => setD((x) => ({ ...x, ...patch }));
  const addImages = async () => {
    try {
      const res = await Taro.chooseImage({
        count: BULLETIN_MAX_IMAGES - upload.photos.length,
        sizeType: ['compressed'],
      });
      upload.add(res.tempFilePaths.slice(0, BULLETIN_MAX_IMAGES - upload.photos.length));
    } catch {
      // the person closed the picker
    }
  };
  const submit = async () => {
    const problem = problemOf(d, !upload.allDone);
    if (problem) return setError(problem);
    setSending(true);
    setError(null);
    try {
      const b = await publishBulletin({
        title: d.title.trim(),
        text: d.text.trim(),
        advice: d.advice.trim(),
        areaId: d.areaId!,
        imageIds: upload.ids,
      });
      void Taro.redirectTo({ url: pageUrl(PAGES.adminBulletin, { id: b.id }) });
    } catch (e) {
      setError(e instanceof HttpError ? e.message : NETWORK_ERROR_MESSAGE);
    } finally {
      setSending(false);
    }
  };
  return { d, update, targets, upload, addImages, error, sending, submit };
}

/** The pictures on their way, each with its state, 重试 and 删除; 添加图片 while fewer than 6. */
function Images({ f }: { f: ReturnType<typeof useBulletinForm> }) {
  const { upload } = f;
  return (
    <View>
      <Text className="jh-section-title jh-block">
        图片（{upload.photos.length}/{BULLETIN_MAX_IMAGES}）
      </Text>
      {upload.photos.map((p, i) => (
        <View key={p.key} className="jh-alert-row__line">
          <Text>
            图片 {i + 1}：{p.status === 'done' ? '已上传' : p.status === 'failed' ? p.message : '正在上传…'}
          </Text>
          {p.status === 'failed' ? (
            <Text className="jh-tip-link" onClick={() => upload.retry(p.key)}>
              重试
            </Text>
          ) : null}
          <Text className="jh-tip-link" onClick={() => upload.remove(p.key)}>
            删除
          </Text>
        </View>
      ))}
      {upload.photos.length < BULLETIN_MAX_IMAGES ? (
        <BigButton kind="secondary" onClick={() => void f.addImages()} testId="bulletin-add-image">
          添加图片
        </BigButton>
      ) : null}
    </View>
  );
}

/** 发治安通报: the situation, the safety advice, pictures, and the area whose volunteers and companies read it. */
export default function NewBulletinPage() {
  const f = useBulletinForm();
  if (f.targets.status !== 'ready')
    return (
      <Screen testId="bulletin-new">
        {f.targets.status === 'loading' ? (
          <LoadingState />
        ) : (
          <ErrorState message={f.targets.error} onRetry={f.targets.reload} />
        )}
      </Screen>
    );
  const { d } = f;
  return (
    <Screen testId="bulletin-new">
      <Text className="jh-section-title jh-block">标题</Text>
      <Input
        className="jh-alert-input"
        value={d.title}
        maxlength={40}
        onInput={(e) => f.update({ title: e.detail.value })}
        data-testid="bulletin-title"
      />
      <Text className="jh-section-title jh-block">治安状况</Text>
      <Textarea
        className="jh-alert-input jh-alert-textarea"
        value={d.text}
        maxlength={BULLETIN_TEXT_MAX}
        onInput={(e) => f.update({ text: e.detail.value })}
        data-testid="bulletin-text"
      />
      <Text className="jh-section-title jh-block">安全防范指导意见</Text>
      <Textarea
        className="jh-alert-input jh-alert-textarea"
        value={d.advice}
        maxlength={BULLETIN_TEXT_MAX}
        onInput={(e) => f.update({ advice: e.detail.value })}
        data-testid="bulletin-advice"
      />
      <Images f={f} />
      <Text className="jh-section-title jh-block">通报范围</Text>
      {f.targets.data.areas.map((a) => (
        <Choice
          key={a.id}
          selected={d.areaId === a.id}
          onTap={() => f.update({ areaId: a.id })}
          title={a.name}
          hint={(ORG_LEVEL_LABELS as Record<string, string>)[a.level]}
          testId={`bulletin-area-${a.name}`}
        />
      ))}
      {f.targets.data.areas.length === 0 ? <Text className="jh-block">社区民警不能发通报，请联系派出所。</Text> : null}
      <InlineError message={f.error} testId="bulletin-error" />
      <BigButton onClick={() => void f.submit()} loading={f.sending} loadingText="正在发布…" testId="bulletin-send">
        发布通报
      </BigButton>
    </Screen>
  );
}
