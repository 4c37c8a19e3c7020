import type { Page } from './api.js';

/**
 * Disputes (矛盾纠纷, docs/product.md#disputes): the 枫桥经验 case file of a station. Officers open a case (or turn
 * a 矛盾纠纷 tip into one), pick a volunteer mediator with the 调解 skill, record the steps taken and close it as
 * 化解 (resolved) or 上交 (escalated to the station).
 */
export const DISPUTE_ROUTES = {
  adminDisputes: '/admin/disputes',
  adminDisputeFromTip: '/admin/disputes/from-tip',
  adminDispute: '/admin/disputes/:id',
  adminCandidates: '/admin/disputes/:id/mediator-candidates',
  adminMediator: '/admin/disputes/:id/mediator',
  adminSteps: '/admin/disputes/:id/steps',
  adminClose: '/admin/disputes/:id/close',
  myDisputes: '/me/disputes',
  myDispute: '/me/disputes/:id',
  mySteps: '/me/disputes/:id/steps',
  myPropose: '/me/disputes/:id/propose',
} as const;

export const DISPUTE_TYPES = ['neighbour', 'family', 'property', 'labour', 'consumer', 'other'] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];
export const DISPUTE_TYPE_LABELS: Record<DisputeType, string> = {
  neighbour: '邻里',
  family: '家庭',
  property: '物业',
  labour: '劳资',
  consumer: '消费',
  other: '其他',
};

/** open: being mediated; proposed: the mediator proposed an outcome the officers confirm; resolved / escalated: closed. */
export const DISPUTE_STATUSES = ['open', 'proposed', 'resolved', 'escalated'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  open: '调解中',
  proposed: '待确认',
  resolved: '已化解',
  escalated: '已上交',
};

export const DISPUTE_OUTCOMES = ['resolved', 'escalated'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];
export const DISPUTE_OUTCOME_LABELS: Record<DisputeOutcome, string> = { resolved: '化解', escalated: '上交派出所' };

/** The skill a mediator must have. */
export const MEDIATOR_SKILL = '调解';
/** The most parties one case lists. */
export const DISPUTE_MAX_PARTIES = 10;

export interface DisputePartyInput {
  name: string;
  /** 11-digit mobile, optional. */
  phone?: string | null;
}

export interface DisputeParty {
  /** Full in a detail, masked (张*) in lists. */
  name: string;
  phoneMasked: string | null;
}

export interface DisputePlaceInput {
  address: string;
  lat?: number | null;
  lng?: number | null;
}

export interface CreateDisputeRequest {
  type: DisputeType;
  parties: DisputePartyInput[];
  place: DisputePlaceInput;
  description: string;
  /** Needed only by branch and city officers: the station the case belongs to. */
  stationId?: number;
}

/** From a 矛盾纠纷 tip: the place and the description default to the tip's. */
export interface CreateDisputeFromTipRequest {
  tipId: number;
  type: DisputeType;
  parties: DisputePartyInput[];
  place?: DisputePlaceInput;
  description?: string;
}

export interface DisputeStepRequest {
  /** The day the step was taken (YYYY-MM-DD, Shanghai), not in the future. */
  date: string;
  text: string;
}

export interface ProposeDisputeOutcomeRequest {
  outcome: DisputeOutcome;
  note: string;
}

export type CloseDisputeRequest = ProposeDisputeOutcomeRequest;

export interface AssignMediatorRequest {
  volunteerId: number;
}

export interface DisputeStep {
  id: number;
  date: string;
  text: string;
  /** The officer's name, or 调解员 for the mediator. */
  author: string;
  byMediator: boolean;
  createdAt: string;
}

export interface DisputeMediator {
  volunteerId: number;
  name: string;
  memberNo: string;
}

export interface DisputeResponse {
  id: number;
  stationId: number;
  stationName: string;
  type: DisputeType;
  status: DisputeStatus;
  parties: DisputeParty[];
  address: string;
  lat: number | null;
  lng: number | null;
  description: string;
  tipId: number | null;
  mediator: DisputeMediator | null;
  proposedOutcome: DisputeOutcome | null;
  proposedNote: string | null;
  outcome: DisputeOutcome | null;
  outcomeNote: string | null;
  /** Business dates (YYYY-MM-DD, Shanghai). */
  openedOn: string;
  closedOn: string | null;
  steps: DisputeStep[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A list row: parties masked, no steps. */
export type DisputeListItem = Omit<DisputeResponse, 'steps'>;
export type DisputePage = Page<DisputeListItem>;

export interface MediatorCandidate {
  volunteerId: number;
  name: string;
  memberNo: string;
  communityName: string | null;
  /** From the case's place to the residence community, when both are known. */
  distanceMeters: number | null;
}
