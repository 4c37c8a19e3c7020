import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { PAGES, pageUrl } from '../../logic/routes';
import { useActivityForm, type ActivityFormState } from '../useActivityForm';
import { effectiveRisk } from '../../logic/activity-form';
import { PlaceSection, PointsSection, TextField, TimeSection } from './fields';
import { TeamSection } from './TeamSection';
import { MoreSection } from './MoreSection';
import { UnitSection } from './UnitSection';
import '../../components/activity/activity.css';

/** A restored draft (with 不要了) and, for a published activity, that changes reach the people signed up. */
function FormNotices({ f, editingPublished }: { f: ActivityFormState; editingPublished: boolean }) {
  return (
    <>
      {f.restoredAt !== null ? (
        <View className="jh-notice" style={{ marginBottom: '16px' }} data-testid="draft-restored">
          <Text className="jh-block">已恢复您{f.restoredAt ? `在 ${f.restoredAt} ` : ''}没有保存完的内容。</Text>
          <BigButton kind="secondary" onClick={f.discardDraft} testId="discard-draft">
            不要了，重新填写
          </BigButton>
        </View>
      ) : null}
      {editingPublished ? (
        <Text className="jh-block jh-notice" style={{ marginBottom: '16px' }}>
          活动已发布：改动时间或地点后，已报名的人会收到通知。
        </Text>
      ) : null}
    </>
  );
}

/** 保存并发布 (not once published) and 只保存草稿 / 保存修改; after saving, the activity's page. */
function SaveButtons({ f, editingPublished }: { f: ActivityFormState; editingPublished: boolean }) {
  const save = async (publish: boolean) => {
    const saved = await f.submit(publish);
    if (!saved) return;
    void Taro.showToast({ title: publish ? '已发布' : '已保存', icon: 'none', duration: 2000 });
    void Taro.redirectTo({ url: pageUrl(PAGES.adminActivityDetail, { id: saved.id }) });
  };
  return (
    <>
      {!editingPublished ? (
        <BigButton
          onClick={() => void save(true)}
          loading={f.saving === 'publish'}
          loadingText="正在发布…"
          disabled={!!f.saving}
          testId="form-publish"
        >
          保存并发布
        </BigButton>
      ) : null}
      <BigButton
        kind="secondary"
        onClick={() => void save(false)}
        loading={f.saving === 'draft'}
        loadingText="正在保存…"
        disabled={!!f.saving}
        testId="form-save"
      >
        {editingPublished ? '保存修改' : '只保存草稿'}
      </BigButton>
    </>
  );
}

export default function ActivityEditPage() {
  const id = Number(useRouter().params.id) || null;
  const f = useActivityForm(id);
  const { form, errors } = f;

  if (f.phase.kind === 'loading')
    return (
      <Screen>
        <LoadingState text="正在加载活动…" />
      </Screen>
    );
  if (f.phase.kind === 'loadFailed')
    return (
      <Screen>
        <ErrorState message={f.phase.message} onRetry={() => void f.retry()} />
      </Screen>
    );

  const editingPublished = !!f.activity && f.activity.status !== 'draft';
  // the team may change while a draft or open for sign-up (the server checks who signed up)
  const teamChangeable = !id || f.activity?.status === 'draft' || f.activity?.status === 'published';

  return (
    <Screen testId="activity-form">
      <Text className="jh-title">{id ? '修改活动' : '新建活动'}</Text>
      <FormNotices f={f} editingPublished={editingPublished} />

      <TextField f={f} name="title" label="活动名称" placeholder="例如：平湖小区夜间巡逻" />
      <Text className="jh-field__label">活动类型</Text>
      <Chips
        options={ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_TYPE_LABELS[t] }))}
        value={form.type}
        onChange={(v) => f.update('type', v)}
        testId="form-type"
      />
      {effectiveRisk(form) === 'high' ? (
        <Text className="jh-block jh-muted">此活动为高风险：报名者须有有效意外保险并签署服务协议。</Text>
      ) : null}

      {id ? (
        <Text className="jh-block" data-testid="form-unit-fixed">
          发布单位：{f.activity?.orgUnit.name}
        </Text>
      ) : (
        <UnitSection value={form.orgUnitId ?? null} onChange={(v) => f.update('orgUnitId', v)} />
      )}
      {teamChangeable ? <TeamSection teamId={form.teamId ?? null} onChange={(v) => f.update('teamId', v)} /> : null}
      {id && editingPublished && teamChangeable ? (
        <Text className="jh-block jh-muted">已有队外的人报名时，不能改为只面向一支队伍。</Text>
      ) : null}
      <PlaceSection f={f} />
      <TimeSection f={f} />
      <PointsSection f={f} editingPublished={editingPublished} />
      <MoreSection f={f} />

      <View className="jh-field">
        <Text className="jh-field__label">活动说明（选填）</Text>
        <Textarea
          className="jh-textarea"
          value={form.description}
          maxlength={2000}
          placeholder="集合地点、着装、注意事项"
          onInput={(e) => f.update('description', e.detail.value)}
          data-testid="form-description"
        />
        {errors.description ? <Text className="jh-field__error">{errors.description}</Text> : null}
      </View>

      <InlineError message={f.submitError} testId="form-error" />
      <SaveButtons f={f} editingPublished={editingPublished} />
    </Screen>
  );
}
