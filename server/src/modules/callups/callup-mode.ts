import type { CallupMode, OrgLevel } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import type { WartimeStateRecord } from '../wartime/wartime-queries.js';

/**
 * The dispatch rules of a call-up (docs/callups.md#call-ups-and-targeting), pure. While a war-time state covers the
 * target, only the declaring unit or one above it may send there (`CALLUP_WARTIME_UNIFIED`, naming who leads), and the
 * mode defaults to war-time. Otherwise the sender's level decides: a community officer sends daily call-ups, a
 * station immediate ones, a branch or the city chooses (default immediate).
 */
export function assertDispatchAllowed(actor: Actor, wartime: WartimeStateRecord | null): void {
  if (!wartime || (actor.orgPath && wartime.leadUnitPath.startsWith(actor.orgPath))) return;
  throw new AppException(
    'CALLUP_WARTIME_UNIFIED',
    { leadUnitId: wartime.leadUnitId, leadUnitName: wartime.leadUnitName, wartimeStateId: wartime.id },
    `${wartime.areaName}处于战时状态，由${wartime.leadUnitName}统一调度，请联系${wartime.leadUnitName}发令`,
  );
}

export function callupMode(level: OrgLevel, asked: CallupMode | undefined | null, wartime: boolean): CallupMode {
  const fixed: Partial<Record<OrgLevel, CallupMode>> = { community: 'daily', station: 'immediate' };
  const only = fixed[level];
  if (only) {
    if (asked && asked !== only) throw new AppException('CALLUP_MODE_NOT_ALLOWED');
    return only;
  }
  return asked ?? (wartime ? 'wartime' : 'immediate');
}
