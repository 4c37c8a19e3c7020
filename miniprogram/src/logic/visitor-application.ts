import type { MyApplicationResponse } from '@jianghuai/shared';
import { PAGES, pageUrl } from './routes';

/**
 * What a visitor's home page says about their application (docs/product.md#applications-and-review): where it stands, in
 * words, or why it was refused with the way to fix it. No application: nothing (the 申请加入 tile).
 */
export interface VisitorApplicationView {
  /** Short step, e.g. 社区审核中 / 分局审核中 / 未通过审核. */
  step: string;
  detail: string;
  tone: 'waiting' | 'good' | 'bad';
  /** The reviewer's reason (rejected only). */
  reason: string | null;
  /** The main button under the card. */
  action: { label: string; url: string; testId: string };
  /** Which of two review steps it is at ("第 1 步，共 2 步"), when it is waiting. */
  progress: string | null;
}

export function visitorApplicationView(
  app: Pick<MyApplicationResponse, 'status' | 'green' | 'rejectReason' | 'station' | 'memberNo'> | null,
): VisitorApplicationView | null {
  if (!app) return null;
  const statusPage = { label: '查看申请进度', url: PAGES.applicationStatus, testId: 'home-application-open' };
  switch (app.status) {
    case 'pending_review':
      return app.green
        ? {
            step: '派出所审核中（绿色通道）',
            detail: `您是花名册中的持证保安员，由${app.station.name}一步审核。结果会通过微信消息通知您。`,
            tone: 'waiting',
            reason: null,
            action: statusPage,
            progress: '共 1 步审核',
          }
        : {
            step: '社区审核中',
            detail: '社区或派出所民警正在初审，通过后交分局审批。结果会通过微信消息通知您。',
            tone: 'waiting',
            reason: null,
            action: statusPage,
            progress: '第 1 步，共 2 步',
          };
    case 'pending_approval':
      return {
        step: '分局审核中',
        detail: '初审已通过，分局审批通过后您即成为江淮义警。',
        tone: 'waiting',
        reason: null,
        action: statusPage,
        progress: '第 2 步，共 2 步',
      };
    case 'approved':
      return {
        step: '审核通过',
        detail: app.memberNo
          ? `欢迎加入江淮义警，您的义警编号：${app.memberNo}`
          : '欢迎加入江淮义警，义警编号正在生成。',
        tone: 'good',
        reason: null,
        action: statusPage,
        progress: null,
      };
    case 'rejected':
      return {
        step: '未通过审核',
        detail: '请按下面的原因修改后重新提交；如有疑问，可联系所在派出所。',
        tone: 'bad',
        reason: app.rejectReason?.trim() || '审核民警未填写原因，请联系所在派出所。',
        action: {
          label: '修改后重新提交',
          url: pageUrl(PAGES.apply, { resubmit: '1' }),
          testId: 'home-application-resubmit',
        },
        progress: null,
      };
    default:
      return null;
  }
}
