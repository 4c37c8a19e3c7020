import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '../../components/BigButton';
import { InlineError } from '../../components/States';
import { CAN_SCAN } from '../../platform/scan';
import { PAGES, pageUrl } from '../../logic/routes';
import type { CallupActions } from './useCallupActions';

/** 接受 / 不能参加 (with an optional reason). */
export function AnswerButtons({ a }: { a: CallupActions }) {
  if (a.declining)
    return (
      <View data-testid="callup-decline-box">
        <Text className="jh-block">不能参加的原因（可不填）</Text>
        <Textarea
          className="jh-cu-input jh-cu-textarea"
          value={a.reason}
          maxlength={200}
          placeholder="例如：人在外地"
          onInput={(e) => a.setReason(e.detail.value)}
          data-testid="callup-decline-reason"
        />
        <BigButton
          kind="danger"
          onClick={() => void a.decline()}
          loading={a.busy === 'declining'}
          loadingText="正在发送…"
          testId="callup-decline-confirm"
        >
          确认不能参加
        </BigButton>
        <BigButton kind="secondary" onClick={() => a.setDeclining(false)} testId="callup-decline-cancel">
          返回
        </BigButton>
      </View>
    );
  return (
    <View>
      <BigButton
        onClick={() => void a.accept()}
        loading={a.busy === 'accepting'}
        loadingText="正在接受…"
        testId="callup-accept"
      >
        接受
      </BigButton>
      <BigButton kind="secondary" onClick={() => a.setDeclining(true)} testId="callup-decline">
        不能参加
      </BigButton>
    </View>
  );
}

/** 我已到达: by the phone's location, by scanning the officer's code (WeChat), or by the code pasted (browser). */
export function ArriveButtons({ a }: { a: CallupActions }) {
  return (
    <View>
      <BigButton
        onClick={() => void a.byLocation()}
        loading={a.busy === 'locating' || a.busy === 'arriving'}
        loadingText={a.busy === 'locating' ? '正在定位…' : '正在记录到达…'}
        testId="callup-arrive"
      >
        我已到达（定位）
      </BigButton>
      {a.busy === 'locating' ? <Text className="jh-block">正在获取您的位置，请稍候（在室外更快）…</Text> : null}
      {CAN_SCAN ? (
        <BigButton
          kind="secondary"
          onClick={() => void a.scan()}
          loading={a.busy === 'scanning'}
          loadingText="正在打开相机…"
          testId="callup-scan"
        >
          扫码签到
        </BigButton>
      ) : null}
      {CAN_SCAN ? null : (
        <View className="jh-field" style={{ marginTop: '16px' }}>
          <Text className="jh-field__label">定位不准时，粘贴民警手机上的到达码</Text>
          <Input
            className="jh-cu-input"
            value={a.typed}
            placeholder="粘贴到达码"
            onInput={(e) => a.setTyped(e.detail.value)}
            data-testid="callup-code"
          />
          <BigButton kind="secondary" onClick={() => void a.byCode(a.typed)} testId="callup-code-submit">
            用到达码签到
          </BigButton>
        </View>
      )}
    </View>
  );
}

export function ReportButton({ id }: { id: number }) {
  return (
    <BigButton
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.callupReport, { id }) })}
      testId="callup-report"
    >
      填写反馈
    </BigButton>
  );
}

export function ActionNotes({ a }: { a: CallupActions }) {
  return (
    <>
      {a.done ? (
        <Text className="jh-block jh-cu-ok" data-testid="callup-done">
          {a.done}
        </Text>
      ) : null}
      <InlineError message={a.error} testId="callup-error" />
    </>
  );
}
