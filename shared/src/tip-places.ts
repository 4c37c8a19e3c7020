import type { TipCategory, TipStatus, TipUrgency } from './tips.js';

/** The most places one request of the officers' map returns (the newest first); `total` says how many match. */
export const TIP_PLACES_LIMIT = 300;

/**
 * Where a tip happened, as the officers' map and nearest-first list show it (GET /api/admin/tips/places): what and
 * how urgent, never who reported it. Coordinates are GCJ-02, as every stored position.
 */
export interface TipMapPoint {
  id: number;
  lat: number;
  lng: number;
  address: string | null;
  category: TipCategory;
  urgency: TipUrgency;
  status: TipStatus;
  /** An urgent tip not accepted in time was escalated to the branch. */
  escalated: boolean;
  createdAt: string;
}

export interface TipPlacesResponse {
  items: TipMapPoint[];
  /** Tips with a location that match the filters; more than `items` when over TIP_PLACES_LIMIT. */
  total: number;
}

/** The queue's filters, without paging (GET /api/admin/tips/places). */
export interface TipPlacesFilters {
  status?: TipStatus;
  category?: TipCategory;
  urgency?: TipUrgency;
  /** Shanghai dates of submission, inclusive. */
  from?: string;
  to?: string;
  stationId?: number;
}
