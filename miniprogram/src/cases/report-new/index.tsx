import Taro from '@tarojs/taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { INCIDENT_MAX_ATTACHMENTS } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InlineError } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { DateTimeField } from '../../components/DateTimeField';
import { IncidentFlags } from '../../components/casework/CaseParts';
import { INCIDENT_CATEGORY_OPTIONS, INCIDENT_LIMIT_HINT } from '../../logic/casework';
import { photoLabel } from '../../logic/upload-queue';
import { PAGES, pageUrl } from '../../logic/routes';
import { useReportForm } from './useReportForm';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';

type Form = ReturnType<typeof useReportForm>;

function Pictures({ f }: { f: Form }) {
  return (
    <View className="jh-field">
      <Text className="jh-field__label jh-block">图片（可不传，最多 {INCIDENT_MAX_ATTACHMENTS} 张）</Text>
      <View className="jh-tip-photos">
        {f.upload.photos.map((p) => (
          <View key={p.key} className="jh-tip-photo" data-testid="report-upload">
            <Image className="jh-tip-photo__img" src={p.filePath} mode="aspectFill" />
            <Text className="jh-tip-photo__label">{photoLabel(p)}</Text>
            {p.status === 'failed' ? (
              <Text className="jh-tip-link" onClick={() => f.upload.retry(p.key)}>
                重试
              </Text>
            ) : null}
            <Text className="jh-tip-link" onClick={() => f.upload.remove(p.key)}>
              删除
            </Text>
          </View>
        ))}
      </View>
      {f.upload.photos.length < INCIDENT_MAX_ATTACHMENTS ? (
        <BigButton kind="secondary" onClick={() => void f.pickPictures()} testId="report-add-picture">
          拍照或选图片
        </BigButton>
      ) : null}
    </View>
  );
}

function Fields({ f }: { f: Form }) {
  const d = f.draft;
  return (
    <View>
      <Text className="jh-field__label jh-block">紧急程度</Text>
      <Chips
        options={INCIDENT_CATEGORY_OPTIONS}
        value={d.category}
        onChange={(category) => f.update({ category })}
        testId="report-category"
      />
      {d.category ? <Text className="jh-block jh-notice">{INCIDENT_LIMIT_HINT[d.category]}</Text> : null}
      <Text className="jh-field__label jh-block">事项类别</Text>
      <Input
        className="jh-input"
        value={d.subcategory}
        placeholder="例如：火灾、人员受伤、群体性事件"
        onInput={(e) => f.update({ subcategory: e.detail.value })}
        data-testid="report-subcategory"
      />
      <DateTimeField
        label="事发时间"
        date={d.date}
        time={d.time}
        onChange={({ date, time }) => f.update({ date, time })}
        testId="report-when"
      />
      <Text className="jh-field__label jh-block">事发地点</Text>
      <Input
        className="jh-input"
        value={d.place}
        placeholder="例如：雨山湖公园东门"
        onInput={(e) => f.update({ place: e.detail.value })}
        data-testid="report-place"
      />
      <Text className="jh-field__label jh-block">发生了什么</Text>
      <Textarea
        className="jh-input jh-textarea"
        style={{ height: '140px', width: '100%', padding: '10px 14px' }}
        value={d.content}
        maxlength={2000}
        placeholder="经过、现状、已采取的措施"
        onInput={(e) => f.update({ content: e.detail.value })}
        data-testid="report-content"
      />
      <Text className="jh-field__label jh-block">涉及人员（可不填）</Text>
      <Input
        className="jh-input"
        value={d.people}
        placeholder="姓名、身份、伤情"
        onInput={(e) => f.update({ people: e.detail.value })}
        data-testid="report-people"
      />
    </View>
  );
}

/** The company manager reports an urgent or major event to the company's station. */
export default function NewReportPage() {
  const f = useReportForm();
  if (f.sent)
    return (
      <Screen testId="report-new">
        <View className="jh-state" data-testid="report-sent">
          <Text className="jh-title jh-block">
            ✓ 已报送到{f.sent.stationName}
            <IncidentFlags r={f.sent} />
          </Text>
          {f.sent.late ? (
            <Text className="jh-block jh-notice">本次报送已超过时限，请今后在时限内及时报送。</Text>
          ) : null}
          <BigButton
            onClick={() => void Taro.redirectTo({ url: pageUrl(PAGES.myReport, { id: f.sent!.id }) })}
            testId="report-open"
          >
            查看报送详情
          </BigButton>
        </View>
      </Screen>
    );
  return (
    <Screen testId="report-new">
      <Fields f={f} />
      <Pictures f={f} />
      <InlineError message={f.error} testId="report-error" />
      <BigButton onClick={() => void f.submit()} loading={f.sending} loadingText="正在报送…" testId="report-submit">
        报送
      </BigButton>
    </Screen>
  );
}
