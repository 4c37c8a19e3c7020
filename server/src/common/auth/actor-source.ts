import type { Actor } from './actor.js';

/** What the guard needs to know about the person behind a verified access token. */
export interface LoadedActor {
  actor: Actor;
  /** false for a disabled account */
  active: boolean;
  /** the token's login was ended (logout, refresh-token reuse) */
  sessionEnded: boolean;
}

/**
 * Where the global guard gets the actor from, on every authenticated request. Common code owns
 * only this contract; the auth module's ActorModule provides it (one query per request), and the application
 * module hands that module to `CommonModule.forRoot`, so nothing in common imports a module.
 */
export abstract class ActorSource {
  /** `sid`: the token's login (refresh-token family), null for none; `ip` is read only when needed. */
  abstract loadActor(userId: number, sid: string | null, ip: () => string | null): Promise<LoadedActor | null>;
}
