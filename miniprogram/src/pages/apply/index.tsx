import { useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { isMobilePhone, OCCUPATION_LABELS, SKILLS, type OrgUnitNode } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { Choice, FieldError } from '../../components/Choice';
import { useApplicationForm, type ApplicationFormState } from '../../hooks/useApplicationForm';
import {
  idNumberHint,
  OTHER_OCCUPATIONS,
  STEP_COUNT,
  STEP_TITLES,
  toggleSkill,
  updateSkill,
} from '../../logic/application-form';
import { PAGES } from '../../logic/routes';
import { CompanyPicker } from '../../components/CompanyPicker';
import { fetchCompanyOptions } from '../../services/applications';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import { ensurePrivacy } from '../../services/privacy';
import { privacyRefusalMessage } from '../../logic/privacy';
import { PRIVACY_PAGE } from '../../components/PrivacyGate';

const searchCompanies = (q: string) => fetchCompanyOptions(q);
const searchErrorText = (error: unknown) => (error instanceof HttpError ? error.message : NETWORK_ERROR_MESSAGE);
import '../../components/enrolment.css';
import '../../components/privacy.css';

const isWeapp = process.env.TARO_ENV === 'weapp';

function Steps({ step }: { step: number }) {
  return (
    <View className="jh-steps" data-testid="apply-steps">
      <Text className="jh-steps__text" data-testid="apply-step-title">
        第 {step} 步，共 {STEP_COUNT} 步：{STEP_TITLES[step - 1]}
      </Text>
      <View className="jh-steps__bar">
        {STEP_TITLES.map((title, i) => (
          <View key={title} className={`jh-steps__seg${i < step ? ' jh-steps__seg--done' : ''}`} />
        ))}
      </View>
    </View>
  );
}

function SaveNote({ state }: { state: ApplicationFormState['saveState'] }) {
  const text = {
    idle: '填写的内容会自动保存，退出后再进来可以接着填。',
    saving: '正在保存…',
    saved: '已自动保存',
    localOnly: '已保存在手机上（网络恢复后会自动同步）',
  }[state];
  return (
    <Text className="jh-save-note" data-testid="apply-save-state">
      {text}
    </Text>
  );
}

function flatCommunities(tree: OrgUnitNode[]) {
  return tree.flatMap((station) =>
    station.children.map((c) => ({ id: c.id, name: c.name, stationName: station.name })),
  );
}

/** The security company and its site, for a security guard. */
function EmployerSection({ s }: { s: ApplicationFormState }) {
  const { form, errors, change, companies } = s;
  const company = s.selectedCompany;
  return (
    <View data-testid="apply-employer">
      <Text className="jh-section-title">您所在的保安从业单位</Text>
      <CompanyPicker
        first={companies}
        selected={company}
        onPick={s.pickCompany}
        search={searchCompanies}
        errorText={searchErrorText}
      />
      <FieldError message={errors.companyId} testId="error-companyId" />
      {company ? (
        <View>
          <Text className="jh-section-title">您的驻勤点（实际上班的地方）</Text>
          {company.sites.map((site) => (
            <Choice
              key={site.id}
              selected={form.siteId === site.id}
              onTap={() => change({ siteId: site.id })}
              title={site.name}
              hint={`${site.address} · 由${site.stationName}管理`}
              testId="site-option"
            />
          ))}
          <FieldError message={errors.siteId} testId="error-siteId" />
        </View>
      ) : null}
    </View>
  );
}

/**
 * 用我的位置确定派出所: the applicant's location (after the privacy popup) lets the nearest station manage them when no
 * community is chosen. Refusing only means choosing the community.
 */
function PlaceNote({ s }: { s: ApplicationFormState }) {
  const { place } = s;
  if (place.status === 'ready')
    return (
      <View className="jh-field-ok" data-testid="apply-located">
        <Text>✓ 已获取您的位置。不选社区时，由离您最近的派出所管理。</Text>
      </View>
    );
  return (
    <View data-testid="apply-place">
      <BigButton kind="secondary" onClick={s.locate} loading={place.status === 'locating'} testId="apply-locate">
        用我的位置确定派出所
      </BigButton>
      {place.status === 'locating' ? <Text className="jh-field-hint">正在获取您的位置…</Text> : null}
      {place.status === 'failed' ? (
        <Text className="jh-field-hint" data-testid="apply-place-failed">
          {place.message} 不用位置也可以：请在上面查找并选择您居住的社区。
        </Text>
      ) : null}
    </View>
  );
}

/** The community the applicant lives in, found by typing part of its or its station's name. */
function ResidenceSection({ s }: { s: ApplicationFormState }) {
  const { form, errors, change } = s;
  const [communityQuery, setCommunityQuery] = useState('');
  const communities = useMemo(() => flatCommunities(s.communities), [s.communities]);
  const matches = communities.filter(
    (c) => !communityQuery || c.name.includes(communityQuery) || c.stationName.includes(communityQuery),
  );
  const shown = communityQuery ? matches.slice(0, 12) : communities.filter((c) => c.id === form.residenceCommunityId);
  return (
    <View data-testid="apply-residence">
      <Text className="jh-section-title">
        您居住的社区{form.occupation === 'security_guard' || s.place.status === 'ready' ? '（选填）' : ''}
      </Text>
      <Input
        className="jh-input jh-input--full"
        value={communityQuery}
        placeholder="输入社区或派出所名称查找，如“平湖”"
        onInput={(e) => setCommunityQuery(e.detail.value.trim())}
        data-testid="community-search"
      />
      {communityQuery && matches.length === 0 ? <Text className="jh-field-hint">没有找到，请换个字试试。</Text> : null}
      <View className="jh-block" style={{ marginTop: '10px' }}>
        {shown.map((c) => (
          <Choice
            key={c.id}
            selected={form.residenceCommunityId === c.id}
            onTap={() => change({ residenceCommunityId: form.residenceCommunityId === c.id ? null : c.id })}
            title={c.name}
            hint={c.stationName}
            testId="community-option"
          />
        ))}
      </View>
      <FieldError message={errors.residenceCommunityId} testId="error-residenceCommunityId" />
      {form.occupation !== 'security_guard' && !form.residenceCommunityId ? <PlaceNote s={s} /> : null}
    </View>
  );
}

function StepWho({ s }: { s: ApplicationFormState }) {
  const { form, errors, change } = s;
  return (
    <View>
      <Text className="jh-field__label">您是：</Text>
      <Choice
        selected={form.occupation === 'security_guard'}
        onTap={() => change({ occupation: 'security_guard' })}
        title="保安员"
        hint="在保安服务公司、单位或物业从事保安工作"
        testId="occupation-security_guard"
      />
      {OTHER_OCCUPATIONS.map((o) => (
        <Choice
          key={o}
          selected={form.occupation === o}
          onTap={() => change({ occupation: o, companyId: null, siteId: null })}
          title={OCCUPATION_LABELS[o]}
          testId={`occupation-${o}`}
        />
      ))}
      <FieldError message={errors.occupation} testId="error-occupation" />

      {form.occupation === 'security_guard' ? <EmployerSection s={s} /> : null}
      {form.occupation ? <ResidenceSection s={s} /> : null}
    </View>
  );
}

function PhoneField({ s }: { s: ApplicationFormState }) {
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  if (s.phoneCode) {
    return (
      <View className="jh-field-ok" data-testid="phone-verified">
        <Text>✓ 手机号已通过微信验证</Text>
      </View>
    );
  }
  return (
    <View>
      {s.resubmitting ? (
        <Text className="jh-field-hint">重新提交时将沿用上次验证的手机号；如需更换，请重新验证。</Text>
      ) : null}
      {isWeapp ? (
        <Button
          className="jh-btn jh-btn--secondary"
          openType="getPhoneNumber"
          onGetPhoneNumber={(e) => {
            const code = (e.detail as { code?: string }).code;
            if (code) s.setPhoneCode(code);
            else void Taro.showToast({ title: '需要验证手机号才能提交申请', icon: 'none', duration: 3000 });
          }}
          data-testid="phone-wechat"
        >
          通过微信验证手机号
        </Button>
      ) : SANDBOX_LOGIN ? (
        <View data-testid="phone-demo">
          <Text className="jh-field-hint">演示环境：没有微信，请输入手机号，由微信沙箱代为验证。</Text>
          <Input
            className="jh-input jh-input--full"
            type="number"
            maxlength={11}
            value={typed}
            placeholder="11 位手机号"
            onInput={(e) => {
              setTyped(e.detail.value);
              setTypedError(null);
            }}
            data-testid="phone-demo-input"
          />
          <FieldError message={typedError} testId="error-phone-demo" />
          <BigButton
            kind="secondary"
            testId="phone-demo-verify"
            onClick={() => {
              if (!isMobilePhone(typed)) return setTypedError('请输入 11 位手机号，以 1 开头');
              // as getPhoneNumber does inside WeChat, the privacy popup comes first
              ensurePrivacy('phone').then(
                // The sandbox's getPhoneNumber answers codes of this form (see the report on the sandbox).
                () => s.setPhoneCode(`sandbox-phone-${typed}`),
                () => setTypedError(privacyRefusalMessage('phone')),
              );
            }}
          >
            验证手机号（演示）
          </BigButton>
        </View>
      ) : (
        <Text className="jh-field-hint">请在微信中打开“江淮义警”小程序，通过微信验证手机号后提交申请。</Text>
      )}
    </View>
  );
}

function StepPerson({ s }: { s: ApplicationFormState }) {
  const { form, errors, change } = s;
  const hint = idNumberHint(form.idNumber, s.ageRule);
  return (
    <View>
      <View className="jh-field">
        <Text className="jh-field__label">姓名</Text>
        <Input
          className="jh-input jh-input--full"
          value={form.name}
          placeholder="与身份证一致"
          maxlength={32}
          onInput={(e) => change({ name: e.detail.value })}
          data-testid="apply-name"
        />
        <FieldError message={errors.name} testId="error-name" />
      </View>
      <View className="jh-field">
        <Text className="jh-field__label">身份证号</Text>
        {s.resubmitting && !form.idNumber ? (
          <Text className="jh-field-hint" data-testid="id-retype">
            为保护您的信息，提交后手机上不保存身份证号，请重新输入。
          </Text>
        ) : null}
        <Input
          className="jh-input jh-input--full"
          type="idcard"
          value={form.idNumber}
          placeholder="18 位，最后一位可以是 X"
          maxlength={18}
          onInput={(e) => change({ idNumber: e.detail.value })}
          data-testid="apply-id-number"
        />
        {hint.kind === 'ok' ? (
          <View className="jh-field-ok" data-testid="id-derived">
            <Text>✓ {hint.message}</Text>
          </View>
        ) : null}
        {hint.kind === 'typing' && !errors.idNumber ? <Text className="jh-field-hint">{hint.message}</Text> : null}
        <FieldError
          message={errors.idNumber ?? (hint.kind === 'error' ? hint.message : null)}
          testId="error-idNumber"
        />
      </View>
      <View className="jh-field">
        <Text className="jh-field__label">手机号</Text>
        <PhoneField s={s} />
        <FieldError message={errors.phone} testId="error-phone" />
      </View>
    </View>
  );
}

function StepSkills({ s }: { s: ApplicationFormState }) {
  const { form, errors, change } = s;
  return (
    <View>
      <Text className="jh-field__label">您有哪些技能？（可多选，可不选）</Text>
      {SKILLS.map((name) => {
        const skill = form.skills.find((x) => x.name === name);
        return (
          <View key={name}>
            <Choice
              selected={!!skill}
              onTap={() => change({ skills: toggleSkill(form.skills, name) })}
              title={name}
              testId={`skill-${name}`}
            />
            {skill ? (
              <View className="jh-card">
                <Text className="jh-field__label">{name}证书编号（选填）</Text>
                <Input
                  className="jh-input jh-input--full"
                  value={skill.certificateNo ?? ''}
                  maxlength={40}
                  placeholder="没有证书可不填"
                  onInput={(e) => change({ skills: updateSkill(form.skills, name, { certificateNo: e.detail.value }) })}
                  data-testid={`skill-cert-${name}`}
                />
                <Text className="jh-field__label" style={{ marginTop: '12px' }}>
                  证书有效期至（选填）
                </Text>
                <Picker
                  mode="date"
                  value={skill.expiresOn ?? ''}
                  onChange={(e) => change({ skills: updateSkill(form.skills, name, { expiresOn: e.detail.value }) })}
                >
                  <View
                    className="jh-input jh-input--full"
                    style={{ lineHeight: '56px' }}
                    data-testid={`skill-expiry-${name}`}
                  >
                    {skill.expiresOn || '点击选择日期'}
                  </View>
                </Picker>
                {skill.expiresOn ? (
                  <Text
                    className="jh-link"
                    onClick={() => change({ skills: updateSkill(form.skills, name, { expiresOn: null }) })}
                  >
                    清除有效期
                  </Text>
                ) : null}
              </View>
            ) : null}
          </View>
        );
      })}
      <FieldError message={errors.skills} testId="error-skills" />

      <Text className="jh-section-title">本人声明（两项都需确认）</Text>
      <Choice
        selected={form.noCriminalRecord}
        onTap={() => change({ noCriminalRecord: !form.noCriminalRecord })}
        title="本人无违法犯罪记录"
        testId="declare-no-criminal-record"
      />
      <FieldError message={errors.noCriminalRecord} testId="error-noCriminalRecord" />
      <Choice
        selected={form.physicallyFit}
        onTap={() => change({ physicallyFit: !form.physicallyFit })}
        title="本人身心健康，能够胜任义警工作"
        testId="declare-physically-fit"
      />
      <FieldError message={errors.physicallyFit} testId="error-physicallyFit" />
    </View>
  );
}

function StepAgreement({ s }: { s: ApplicationFormState }) {
  const { form, errors, change, agreement } = s;
  if (!agreement) return <LoadingState text="正在加载服务协议…" />;
  const signed = form.agreementSigned && form.agreementVersion === agreement.version;
  return (
    <View>
      <Text className="jh-title" data-testid="agreement-title">
        {agreement.title}
      </Text>
      <Text className="jh-muted jh-block">版本 {agreement.version}</Text>
      <View className="jh-agreement" data-testid="agreement-body">
        {agreement.body.split('\n').map((p) => (
          <Text key={p} className="jh-agreement__para">
            {p}
          </Text>
        ))}
      </View>
      <View style={{ marginTop: '16px' }}>
        <Choice
          selected={signed}
          onTap={() => change({ agreementSigned: !signed, agreementVersion: signed ? null : agreement.version })}
          title="我已阅读并同意以上协议，签署"
          hint={signed ? `已签署 ${agreement.version} 版，提交时记录签署时间` : '点击此处签署'}
          testId="agreement-sign"
        />
      </View>
      <FieldError message={errors.agreement} testId="error-agreement" />
    </View>
  );
}

/** 上一步, and 下一步 or, on the last step, the submit button. */
function StepActions({ s, onSubmit }: { s: ApplicationFormState; onSubmit: () => void }) {
  const { step } = s.form;
  return (
    <View className="jh-actions">
      {step > 1 ? (
        <BigButton kind="secondary" onClick={s.back} testId="apply-back">
          上一步
        </BigButton>
      ) : null}
      {step < 4 ? (
        <BigButton onClick={s.next} testId="apply-next">
          下一步
        </BigButton>
      ) : (
        <BigButton onClick={onSubmit} loading={s.submitting} loadingText="正在提交…" testId="apply-submit">
          {s.resubmitting ? '重新提交申请' : '提交申请'}
        </BigButton>
      )}
    </View>
  );
}

/** Under the submit button: 提交即表示同意《隐私政策》, the policy a tap away. */
function PrivacyLine() {
  return (
    <Text className="jh-field-hint jh-block" data-testid="apply-privacy">
      提交即表示同意
      <Text
        className="jh-privacy-inline"
        onClick={() => void Taro.navigateTo({ url: PRIVACY_PAGE })}
        data-testid="apply-privacy-link"
      >
        《隐私政策》
      </Text>
    </Text>
  );
}

export default function ApplyPage() {
  const router = useRouter();
  const s = useApplicationForm({ resubmit: router.params?.resubmit === '1' });

  useEffect(() => {
    if (s.load.status === 'hasApplication') void Taro.redirectTo({ url: PAGES.applicationStatus });
  }, [s.load.status]);

  const onSubmit = async () => {
    const result = await s.submit();
    if (!result) return;
    // Opened from the status page to correct a rejection: go back to it (it reloads on show).
    if (s.resubmitting && Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: PAGES.applicationStatus });
  };

  if (s.load.status === 'loading' || s.load.status === 'hasApplication') {
    return (
      <Screen testId="apply">
        <LoadingState text="正在打开申请表…" />
      </Screen>
    );
  }
  if (s.load.status === 'error') {
    return (
      <Screen testId="apply">
        <ErrorState
          message={`${s.load.message}。您已填写的内容保存在手机上，不会丢失。`}
          onRetry={s.reload}
          testId="apply-error"
        />
      </Screen>
    );
  }

  const { step } = s.form;
  return (
    <Screen testId="apply">
      <Steps step={step} />
      {s.restored ? (
        <View className="jh-notice" data-testid="apply-restored">
          <Text>已为您恢复上次没填完的内容，可以接着填写。</Text>
        </View>
      ) : null}
      {s.resubmitting && step === 1 ? (
        <View className="jh-notice" data-testid="apply-resubmitting">
          <Text>正在修改上次未通过的申请，改好后在最后一步重新提交。</Text>
        </View>
      ) : null}
      <View style={{ marginTop: '12px' }} data-testid={`apply-step-${step}`}>
        {step === 1 ? <StepWho s={s} /> : null}
        {step === 2 ? <StepPerson s={s} /> : null}
        {step === 3 ? <StepSkills s={s} /> : null}
        {step === 4 ? <StepAgreement s={s} /> : null}
      </View>
      <InlineError message={s.errors.form ?? null} testId="apply-form-error" />
      <StepActions s={s} onSubmit={() => void onSubmit()} />
      {step === 4 ? <PrivacyLine /> : null}
      <SaveNote state={s.saveState} />
    </Screen>
  );
}
