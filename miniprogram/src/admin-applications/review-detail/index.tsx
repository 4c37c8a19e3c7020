import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { OCCUPATION_LABELS, type ApplicationResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { NotReadyScreen } from '../../components/NotReadyScreen';
import { BigButton } from '../../components/BigButton';
import { FieldError, InfoRow } from '../../components/Choice';
import { CriminalCheckForm } from '../../components/CriminalCheckForm';
import { errorText, useResource } from '../../hooks/useResource';
import { useSession } from '../../hooks/useSession';
import {
  approveBlocker,
  approveLabel,
  criminalCheckLine,
  queueBadges,
  rejectReasonProblem,
  statusLabel,
  waitingLabel,
} from '../../logic/enrolment-view';
import { formatDateTime } from '../../logic/format';
import {
  approveApplication,
  getApplication,
  recordCriminalCheck,
  rejectApplication,
  revealApplicationPii,
} from '../../services/enrolment-admin';
import { HttpError } from '../../services/http';
import { usePiiReveal } from '../usePiiReveal';
import '../../admin/admin.css';
import '../../components/enrolment.css';

const BRAND_BLUE = '#0b3d91';
const APPROVER_ROLES = ['branch_officer', 'city_officer'];

function Revealable({ app }: { app: ApplicationResponse }) {
  const { full, busy, error, reveal } = usePiiReveal(
    '查看完整的身份证号和手机号会记入操作日志（谁、何时、查看了谁）。确定查看吗？',
    (field) => revealApplicationPii(app.id, field),
  );
  return (
    <View>
      <InfoRow label="身份证号" value={full?.idNumber ?? app.idNumberMasked} testId="detail-id-number" />
      <InfoRow label="手机号" value={full?.phone ?? app.phoneMasked ?? '—'} testId="detail-phone" />
      {full ? (
        <Text className="jh-field-hint" data-testid="reveal-recorded">
          已显示完整信息，本次查看已记入操作日志。
        </Text>
      ) : (
        <BigButton
          kind="secondary"
          onClick={() => void reveal()}
          loading={busy}
          loadingText="正在查询…"
          testId="detail-reveal"
        >
          查看完整信息（将记入操作日志）
        </BigButton>
      )}
      <FieldError message={error} testId="reveal-error" />
    </View>
  );
}

/** Someone else decided first: the answer says the application is no longer at this step. */
const isStale = (e: unknown) => e instanceof HttpError && (e.code === 'APPLICATION_WRONG_STAGE' || e.status === 409);

/** The decision's state: the 不通过 box, the reason typed, what is being sent and what went wrong. */
function useDecision(
  app: ApplicationResponse,
  onDone: (a: ApplicationResponse) => void,
  onStale: (message: string) => void,
) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const closeReject = () => {
    setRejecting(false);
    setReason('');
    setError(null);
  };
  // The application moved on (this officer's step, or someone else's): the 不通过 box closes.
  useEffect(closeReject, [app.status, app.stage]);

  const send = async (kind: 'approve' | 'reject', call: () => Promise<ApplicationResponse>) => {
    setBusy(kind);
    setError(null);
    try {
      onDone(await call());
    } catch (e) {
      if (isStale(e)) return onStale(errorText(e));
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const approve = async () => {
    const { confirm } = await Taro.showModal({
      title: '审批确认',
      content:
        app.stage === 'review' && app.stepsTotal === 2
          ? `确认${app.name}初审通过，报分局审批？`
          : `确认${app.name}审批通过，成为江淮义警？`,
      confirmText: '确认通过',
      confirmColor: BRAND_BLUE,
      cancelText: '取消',
    });
    if (confirm) await send('approve', () => approveApplication(app.id));
  };

  const reject = async () => {
    const problem = rejectReasonProblem(reason);
    if (problem) return setError(problem);
    await send('reject', () => rejectApplication(app.id, reason.trim()));
  };

  const typeReason = (value: string) => {
    setReason(value);
    setError(null);
  };
  return { rejecting, setRejecting, reason, typeReason, error, busy, closeReject, approve, reject };
}

function Decision({
  app,
  canApproveStage,
  onDone,
  onStale,
}: {
  app: ApplicationResponse;
  canApproveStage: boolean;
  onDone: (a: ApplicationResponse) => void;
  /** Reload the application: it moved on elsewhere. */
  onStale: (message: string) => void;
}) {
  const d = useDecision(app, onDone, onStale);
  const blocker = approveBlocker(app, canApproveStage);
  if (!app.stage) return null;
  return (
    <View data-testid="decision">
      {blocker ? (
        <View className="jh-notice" data-testid="approve-blocker">
          <Text>{blocker}</Text>
        </View>
      ) : null}
      {/* Shown only when it may be pressed: the notice above says what is missing otherwise. */}
      {blocker ? null : (
        <BigButton
          onClick={() => void d.approve()}
          loading={d.busy === 'approve'}
          loadingText="正在提交…"
          testId="approve"
        >
          {approveLabel(app)}
        </BigButton>
      )}
      {d.rejecting ? (
        <View className="jh-card" style={{ marginTop: '16px' }}>
          <Text className="jh-field__label">不通过的原因（申请人会看到）</Text>
          <Textarea
            className="jh-textarea"
            value={d.reason}
            maxlength={200}
            placeholder="例如：驻勤点填写有误，请选择实际上班的驻勤点"
            onInput={(e) => d.typeReason(e.detail.value)}
            data-testid="reject-reason"
          />
          <BigButton
            kind="danger"
            onClick={() => void d.reject()}
            loading={d.busy === 'reject'}
            loadingText="正在提交…"
            testId="reject-confirm"
          >
            确认不通过
          </BigButton>
          <BigButton kind="secondary" onClick={d.closeReject} disabled={d.busy === 'reject'} testId="reject-cancel">
            取消
          </BigButton>
        </View>
      ) : (
        <BigButton kind="secondary" onClick={() => d.setRejecting(true)} testId="reject">
          不通过…
        </BigButton>
      )}
      <FieldError message={d.error} testId="decision-error" />
    </View>
  );
}

/** Name, where the application stands, its badges, and why it is on the green channel. */
function DetailHeader({ app }: { app: ApplicationResponse }) {
  return (
    <View className="jh-card">
      <Text className="jh-title" data-testid="detail-name">
        {app.name}
      </Text>
      <Text className="jh-block" data-testid="detail-status">
        {statusLabel(app.status)}
        {app.stage ? ` · ${waitingLabel(app.submittedAt)}` : ''}
      </Text>
      <View>
        {queueBadges(app).map((b) => (
          <Text key={b.text} className={`jh-badge jh-badge--${b.kind}`}>
            {b.text}
          </Text>
        ))}
      </View>
      {app.green && app.rosterMatch ? (
        <Text className="jh-field-hint" data-testid="detail-green">
          绿色通道：姓名、身份证号与花名册中的持证保安员一致（保安员证号 {app.rosterMatch.certificateNo ?? '未登记'}
          ），身份已预先核实，只需一步审核。
        </Text>
      ) : null}
    </View>
  );
}

const skillsLine = (app: ApplicationResponse) =>
  app.skills.length
    ? app.skills
        .map(
          (s) =>
            `${s.name}${s.certificateNo ? `（${s.certificateNo}${s.expiresOn ? `，至 ${s.expiresOn}` : ''}）` : ''}`,
        )
        .join('、')
    : '未填写';

/** What the applicant filed (ID number and phone masked until 查看完整信息). */
function ApplicantInfo({ app }: { app: ApplicationResponse }) {
  return (
    <View className="jh-card">
      <InfoRow label="性别 / 出生日期" value={`${app.sex === 'male' ? '男' : '女'} / ${app.birthDate}`} />
      <Revealable app={app} />
      <InfoRow label="身份" value={OCCUPATION_LABELS[app.occupation]} />
      {app.company ? <InfoRow label="单位" value={app.company.name} /> : null}
      {app.site ? <InfoRow label="驻勤点" value={app.site.name} /> : null}
      {app.residenceCommunity ? <InfoRow label="居住社区" value={app.residenceCommunity.name} /> : null}
      <InfoRow label="管理派出所" value={app.station.name} testId="detail-station" />
      <InfoRow label="技能" value={skillsLine(app)} />
      <InfoRow
        label="声明"
        value={
          app.declarations.noCriminalRecord && app.declarations.physicallyFit
            ? '无违法犯罪记录；身心健康'
            : '声明不完整'
        }
      />
      <InfoRow label="服务协议" value={`${app.agreementVersion} 版，${formatDateTime(app.agreementSignedAt)} 签署`} />
      <InfoRow label="提交时间" value={formatDateTime(app.submittedAt)} />
      {app.rejectReason ? <InfoRow label="不通过原因" value={app.rejectReason} /> : null}
      {app.memberNo ? <InfoRow label="义警编号" value={app.memberNo} testId="detail-member-no" /> : null}
    </View>
  );
}

/** 审核记录: each step, who decided and when. */
function Steps({ app }: { app: ApplicationResponse }) {
  if (!app.steps.length) return null;
  return (
    <View className="jh-card" style={{ marginTop: '16px' }} data-testid="detail-steps">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        审核记录
      </Text>
      {app.steps.map((s) => (
        <InfoRow
          key={`${s.step}-${s.at}`}
          label={`${s.step === 'review' ? '初审' : '分局审批'} · ${s.by.name}`}
          value={`${s.decision === 'approved' ? '通过' : `不通过：${s.reason ?? ''}`}（${formatDateTime(s.at)}）`}
        />
      ))}
    </View>
  );
}

/** The notice after a decision this officer made. */
const decidedNotice = (a: ApplicationResponse) =>
  a.status === 'approved'
    ? `已通过，${a.name}成为江淮义警（编号 ${a.memberNo ?? '生成中'}）。`
    : a.status === 'rejected'
      ? '已退回申请人修改。'
      : '初审已通过，已转分局审批。';

export default function ReviewDetailPage() {
  const router = useRouter();
  const appId = Number(router.params?.id);
  const session = useSession();
  const fetcher = useCallback(() => getApplication(appId), [appId]);
  const res = useResource(fetcher, String(appId));
  const [notice, setNotice] = useState<string | null>(null);

  if (res.status !== 'ready') return <NotReadyScreen resource={res} testId="review-detail" />;
  const app = res.data;
  const me = session.status === 'signedIn' ? session.me : null;
  const canApproveStage = app.stage !== 'approval' || !!me?.roles.some((r) => APPROVER_ROLES.includes(r));
  const done = (updated: ApplicationResponse, message: string) => {
    res.replace(updated);
    setNotice(message);
  };
  return (
    <Screen testId="review-detail">
      <DetailHeader app={app} />
      {notice ? (
        <View className="jh-field-ok" data-testid="detail-notice">
          <Text>✓ {notice}</Text>
        </View>
      ) : null}
      <ApplicantInfo app={app} />

      <View className="jh-card">
        <Text className="jh-section-title" style={{ marginTop: 0 }}>
          违法犯罪记录核查
        </Text>
        <Text className="jh-block" data-testid="criminal-check-line">
          {criminalCheckLine(app)}
        </Text>
      </View>
      {app.stage && canApproveStage && !app.criminalCheck ? (
        <CriminalCheckForm
          title="记录违法犯罪记录核查（必填步骤）"
          hint="系统不能直接查询公安数据库：请在内网核查后，在此记录核查人、时间和结果。"
          defaultChecker={me?.displayName ?? ''}
          onSubmit={async (body) => done(await recordCriminalCheck(app.id, body), '核查结果已记录。')}
        />
      ) : null}

      <Decision
        app={app}
        canApproveStage={canApproveStage}
        onStale={(message) => {
          setNotice(`${message}，已刷新为最新状态。`);
          void res.refresh();
        }}
        onDone={(a) => done(a, decidedNotice(a))}
      />
      <Steps app={app} />
    </Screen>
  );
}
