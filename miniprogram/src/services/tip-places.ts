import { TIP_ROUTES, type TipPlacesFilters, type TipPlacesResponse } from '@jianghuai/shared';
import { get } from './http';

/** The places of the chain's tips that carry a location (the officers' map); the page shows errors inline. */
export function adminTipPlaces(filters: TipPlacesFilters): Promise<TipPlacesResponse> {
  return get<TipPlacesResponse>(TIP_ROUTES.adminPlaces, { ...filters }, { toast: false });
}
