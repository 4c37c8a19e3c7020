import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity.js';

/**
 * What other modules may do to someone's logins: end them all. Revoking every refresh token of the
 * user ends each login at once — its refresh token is refused and its access tokens (whose `sid` names
 * the login) are refused from the next request on with SESSION_ENDED (see ACTOR_SQL). Runs in the
 * caller's transaction, so a password reset or a disabled account and the end of its logins commit together.
 */
@Injectable()
export class SessionsService {
  /** Ends every login of the user; returns how many tokens were still live. */
  async endAll(m: EntityManager, userId: number, at: Date): Promise<number> {
    const res = await m.getRepository(RefreshToken).update({ userId, revokedAt: IsNull() }, { revokedAt: at });
    return res.affected ?? 0;
  }
}
