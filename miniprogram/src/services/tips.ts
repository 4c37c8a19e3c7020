import {
  TIP_ROUTES,
  apiPath,
  type AdminTipFilters,
  type AdminTipPage,
  type AdminTipResponse,
  type AssignTipRequest,
  type GradeTipResponse,
  type MyTipPage,
  type MyTipResponse,
  type SubmitTipRequest,
  type TipAction,
  type TipGradeTable,
  type TipMessageRequest,
  type TipMessageResponse,
  type TipSubmitterReveal,
} from '@jianghuai/shared';
import { get, post } from './http';

/** Tips (docs/tips.md). Pages show errors inline, so calls pass `toast: false`. */

export function submitTip(body: SubmitTipRequest): Promise<MyTipResponse> {
  return post<MyTipResponse>(TIP_ROUTES.submit, body, { toast: false });
}

export function myTips(page: number, pageSize: number): Promise<MyTipPage> {
  return get<MyTipPage>(TIP_ROUTES.myTips, { page, pageSize }, { toast: false });
}

export function myTip(id: number): Promise<MyTipResponse> {
  return get<MyTipResponse>(apiPath(TIP_ROUTES.myTip, { id }), undefined, { toast: false });
}

export function myTipMessages(id: number): Promise<TipMessageResponse[]> {
  return get<TipMessageResponse[]>(apiPath(TIP_ROUTES.myTipMessages, { id }), undefined, { toast: false });
}

export function writeMyTipMessage(id: number, text: string): Promise<TipMessageResponse> {
  return post<TipMessageResponse>(apiPath(TIP_ROUTES.myTipMessages, { id }), { text }, { toast: false });
}

// ── staff ──

export function adminTips(filters: AdminTipFilters): Promise<AdminTipPage> {
  return get<AdminTipPage>(TIP_ROUTES.adminTips, { ...filters }, { toast: false });
}

export function adminTip(id: number): Promise<AdminTipResponse> {
  return get<AdminTipResponse>(apiPath(TIP_ROUTES.adminTip, { id }), undefined, { toast: false });
}

/** The body each action takes: a result, a reason, the original, or the unit it goes to. */
export interface TipActionBody {
  result?: string;
  reason?: string;
  originalId?: number;
  assign?: AssignTipRequest;
}

export function tipAction(id: number, action: TipAction, body: TipActionBody = {}): Promise<AdminTipResponse> {
  const path = { id };
  const options = { toast: false };
  switch (action) {
    case 'accept':
      return post<AdminTipResponse>(apiPath(TIP_ROUTES.adminAccept, path), undefined, options);
    case 'start':
      return post<AdminTipResponse>(apiPath(TIP_ROUTES.adminStart, path), undefined, options);
    case 'assign':
      return post<AdminTipResponse>(apiPath(TIP_ROUTES.adminAssign, path), body.assign ?? {}, options);
    case 'close':
      return post<AdminTipResponse>(apiPath(TIP_ROUTES.adminClose, path), { result: body.result }, options);
    case 'reject':
      return post<AdminTipResponse>(apiPath(TIP_ROUTES.adminReject, path), { reason: body.reason }, options);
    case 'duplicate':
      return post<AdminTipResponse>(apiPath(TIP_ROUTES.adminDuplicate, path), { originalId: body.originalId }, options);
  }
}

export function revealSubmitter(id: number): Promise<TipSubmitterReveal> {
  return post<TipSubmitterReveal>(apiPath(TIP_ROUTES.adminRevealSubmitter, { id }), undefined, { toast: false });
}

export function adminTipMessages(id: number): Promise<TipMessageResponse[]> {
  return get<TipMessageResponse[]>(apiPath(TIP_ROUTES.adminMessages, { id }), undefined, { toast: false });
}

export function writeAdminTipMessage(id: number, body: TipMessageRequest): Promise<TipMessageResponse> {
  return post<TipMessageResponse>(apiPath(TIP_ROUTES.adminMessages, { id }), body, { toast: false });
}

/** The deployment's grade table (best first) and the monthly cap of tip points. */
export function tipGrades(): Promise<TipGradeTable> {
  return get<TipGradeTable>(TIP_ROUTES.adminGrades, undefined, { toast: false });
}

/** Grade a closed tip (the guard is rewarded through the points ledger, within the monthly cap); `null` revokes. */
export function gradeTip(id: number, grade: string | null): Promise<GradeTipResponse> {
  return post<GradeTipResponse>(apiPath(TIP_ROUTES.adminGrade, { id }), { grade }, { toast: false });
}
