import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { TIP_CATEGORY_LABELS, TIP_MAX_PHOTOS, TIP_URGENCY_LABELS } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InfoRow } from '../../components/Choice';
import { InlineError } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { DateTimeField } from '../../components/DateTimeField';
import { useTipForm, type TipForm } from '../../hooks/useTipForm';
import { photoLabel } from '../../logic/upload-queue';
import { CATEGORY_OPTIONS, TIP_STEPS, TIP_STEP_TITLES, URGENCY_OPTIONS, whenText } from '../../logic/tips';
import { PAGES, pageUrl } from '../../logic/routes';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';

const isWeapp = process.env.TARO_ENV === 'weapp';

function StepOne({ f }: { f: TipForm }) {
  return (
    <View>
      <Text className="jh-field__label jh-block">线索类别</Text>
      <Chips
        options={CATEGORY_OPTIONS}
        value={f.draft.category}
        onChange={(category) => f.update({ category })}
        testId="tip-category"
      />
      <Text className="jh-field__label jh-block">紧急程度</Text>
      <Chips
        options={URGENCY_OPTIONS}
        value={f.draft.urgency}
        onChange={(urgency) => f.update({ urgency })}
        testId="tip-urgency"
      />
      {f.draft.urgency === 'urgent' ? (
        <Text className="jh-block jh-notice">正在发生、有危险的，请先拨打 110，再在这里上报。</Text>
      ) : null}
    </View>
  );
}

function Photos({ f }: { f: TipForm }) {
  return (
    <View className="jh-field">
      <Text className="jh-field__label jh-block">
        照片（可不拍，最多 {TIP_MAX_PHOTOS} 张，已有 {f.photoCount} 张）
      </Text>
      <View className="jh-tip-photos">
        {f.draft.photos.map((p, i) => (
          <View key={p.id} className="jh-tip-photo" data-testid="tip-draft-photo">
            {p.path ? (
              <Image className="jh-tip-photo__img" src={p.path} mode="aspectFill" />
            ) : (
              <View className="jh-tip-photo__img" />
            )}
            <Text className="jh-tip-photo__label">照片 {i + 1} 已上传</Text>
            <Text className="jh-tip-link" onClick={() => f.removePhoto(p.id)} data-testid="tip-photo-remove">
              删除
            </Text>
          </View>
        ))}
        {f.upload.photos.map((p) => (
          <View key={p.key} className="jh-tip-photo" data-testid="tip-upload">
            <Image className="jh-tip-photo__img" src={p.filePath} mode="aspectFill" />
            <Text className="jh-tip-photo__label" data-testid="tip-upload-state">
              {photoLabel(p)}
            </Text>
            {p.status === 'failed' ? (
              <Text className="jh-tip-link" onClick={() => f.upload.retry(p.key)} data-testid="tip-upload-retry">
                重试
              </Text>
            ) : null}
            <Text className="jh-tip-link" onClick={() => f.upload.remove(p.key)}>
              删除
            </Text>
          </View>
        ))}
      </View>
      {f.photoCount < TIP_MAX_PHOTOS ? (
        <BigButton kind="secondary" onClick={() => void f.pickPhotos()} testId="tip-add-photo">
          拍照或选照片
        </BigButton>
      ) : null}
    </View>
  );
}

function Place({ f }: { f: TipForm }) {
  return (
    <View className="jh-field">
      <Text className="jh-field__label jh-block">地点（可不填）</Text>
      <Input
        className="jh-input"
        value={f.draft.place?.address ?? ''}
        placeholder="例如：湖东路菜市场北门"
        onInput={(e) => f.update({ place: e.detail.value ? { ...f.draft.place, address: e.detail.value } : null })}
        data-testid="tip-address"
      />
      <BigButton
        kind="secondary"
        onClick={() => void f.locateMe()}
        loading={f.locating}
        loadingText="正在定位…"
        testId="tip-locate"
      >
        {f.draft.place?.lat != null ? '已记下我现在的位置（点此重新定位）' : '用我现在的位置'}
      </BigButton>
      {isWeapp ? (
        <BigButton kind="secondary" onClick={() => void f.pickOnMap()} testId="tip-map">
          在地图上选点
        </BigButton>
      ) : null}
      <InlineError message={f.placeError} testId="tip-place-error" />
    </View>
  );
}

function StepTwo({ f }: { f: TipForm }) {
  return (
    <View>
      <View className="jh-field">
        <Text className="jh-field__label jh-block">看到了什么（可以点键盘上的话筒说话）</Text>
        <Textarea
          className="jh-input jh-textarea"
          style={{ height: '160px', width: '100%', padding: '10px 14px' }}
          value={f.draft.text}
          maxlength={1000}
          placeholder="什么人、什么事、在哪里"
          onInput={(e) => f.update({ text: e.detail.value })}
          data-testid="tip-text"
        />
      </View>
      <DateTimeField
        label="发生时间"
        date={f.draft.date}
        time={f.draft.time}
        optional="现在（不用改）"
        onChange={({ date, time }) => f.update({ date, time })}
        testId="tip-when"
      />
      <Place f={f} />
      <Photos f={f} />
    </View>
  );
}

function StepThree({ f }: { f: TipForm }) {
  const d = f.draft;
  return (
    <View className="jh-card" data-testid="tip-review">
      <InfoRow label="类别" value={d.category ? TIP_CATEGORY_LABELS[d.category] : '未选'} />
      <InfoRow label="紧急程度" value={TIP_URGENCY_LABELS[d.urgency]} />
      <InfoRow label="情况" value={d.text.trim()} />
      <InfoRow label="时间" value={whenText(d)} />
      <InfoRow label="地点" value={d.place?.address || '未填'} />
      <InfoRow label="照片" value={`${d.photos.length} 张`} />
    </View>
  );
}

function Sent({ id }: { id: number }) {
  return (
    <View className="jh-state" data-testid="tip-sent">
      <Text className="jh-title jh-block">✓ 已提交，谢谢您！</Text>
      <Text className="jh-block jh-state__text">线索已送到您所在的派出所，民警处理后会通知您。</Text>
      <BigButton onClick={() => void Taro.redirectTo({ url: pageUrl(PAGES.myTip, { id }) })} testId="tip-open-mine">
        查看我的线索
      </BigButton>
      <BigButton
        kind="secondary"
        onClick={() => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: PAGES.home }))}
      >
        回到首页
      </BigButton>
    </View>
  );
}

function Buttons({ f }: { f: TipForm }) {
  return (
    <View style={{ marginTop: '16px' }}>
      <InlineError message={f.error} testId="tip-error" />
      {f.step < 3 ? (
        <BigButton onClick={() => f.go((f.step + 1) as 2 | 3)} testId="tip-next">
          下一步
        </BigButton>
      ) : (
        <BigButton onClick={() => void f.submit()} loading={f.sending} loadingText="正在提交…" testId="tip-submit">
          提交
        </BigButton>
      )}
      {f.step > 1 ? (
        <BigButton kind="secondary" onClick={() => f.go((f.step - 1) as 1 | 2)} testId="tip-back">
          上一步
        </BigButton>
      ) : null}
    </View>
  );
}

export default function NewTipPage() {
  const f = useTipForm();
  if (f.sent)
    return (
      <Screen testId="tip-new">
        <Sent id={f.sent.id} />
      </Screen>
    );
  return (
    <Screen testId="tip-new">
      {f.showRestored ? (
        <View className="jh-notice" style={{ marginBottom: '16px' }} data-testid="tip-draft-restored">
          <Text className="jh-block">上次没提交的线索已经恢复，可以接着填。</Text>
          <BigButton kind="secondary" onClick={f.discard} testId="tip-discard">
            不要了，重新填写
          </BigButton>
        </View>
      ) : null}
      <View className="jh-tip-steps">
        {TIP_STEPS.map((s) => (
          <Text
            key={s}
            className={`jh-tip-step${s === f.step ? ' jh-tip-step--on' : ''}`}
            data-testid={s === f.step ? 'tip-step' : undefined}
          >
            {s}. {TIP_STEP_TITLES[s]}
          </Text>
        ))}
      </View>
      {f.step === 1 ? <StepOne f={f} /> : f.step === 2 ? <StepTwo f={f} /> : <StepThree f={f} />}
      <Buttons f={f} />
    </Screen>
  );
}
