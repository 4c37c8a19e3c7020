import { createSecretKey } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { ActorSource, type LoadedActor } from './actor-source.js';
import { AuthGuard } from './auth.guard.js';
import type { AuthMetadata } from './authenticated.decorator.js';
import type { Actor } from './actor.js';

const SECRET = 'unit-test-secret-0123456789abcdef';
const issuer = new JwtService({
  secret: createSecretKey(Buffer.from(SECRET)) as unknown as Buffer,
  signOptions: { algorithm: 'HS256' },
});
const token = issuer.sign({ sub: 42, typ: 'access', sid: 'family-1' }, { expiresIn: 900 });

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 42,
  displayName: '张伟',
  openid: null,
  staffRoles: [],
  roles: ['volunteer'],
  orgUnitId: null,
  orgPath: null,
  isStaff: false,
  ip: null,
  ...over,
});

/** A stand-in for the auth module's actor loader: common code knows only the ActorSource contract. */
class FakeActorSource extends ActorSource {
  calls: [number, string | null][] = [];
  constructor(private readonly result: LoadedActor | null) {
    super();
  }
  async loadActor(userId: number, sid: string | null): Promise<LoadedActor | null> {
    this.calls.push([userId, sid]);
    return this.result;
  }
}

function run(source: ActorSource, meta: AuthMetadata | undefined, authorization?: string) {
  const reflector = { getAllAndOverride: () => meta } as unknown as Reflector;
  const req: { headers: Record<string, string>; ip: string; actor?: Actor } = {
    headers: authorization ? { authorization } : {},
    ip: '10.0.0.1',
  };
  const ctx = {
    getHandler: () => undefined,
    getClass: () => undefined,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  const guard = new AuthGuard(reflector, new AccessTokenVerifier(SECRET), source);
  return { req, result: guard.canActivate(ctx) };
}

describe('AuthGuard', () => {
  it('loads the actor once per request through the ActorSource, with the token subject and login', async () => {
    const source = new FakeActorSource({ actor: actor(), active: true, sessionEnded: false });
    const { req, result } = run(source, { public: false }, `Bearer ${token}`);
    await expect(result).resolves.toBe(true);
    expect(source.calls).toEqual([[42, 'family-1']]);
    expect(req.actor?.userId).toBe(42);
  });

  it('does not load anyone for a public route', async () => {
    const source = new FakeActorSource(null);
    await expect(run(source, { public: true }).result).resolves.toBe(true);
    expect(source.calls).toEqual([]);
  });

  it('refuses an unknown person, an ended login, a disabled account and a non-staff actor on a staff route', async () => {
    const codes = async (loaded: LoadedActor | null, meta: AuthMetadata = { public: false }) =>
      run(new FakeActorSource(loaded), meta, `Bearer ${token}`).result.then(
        () => 'allowed',
        (e: { code: string }) => e.code,
      );
    expect(await codes(null)).toBe('UNAUTHENTICATED');
    expect(await codes({ actor: actor(), active: true, sessionEnded: true })).toBe('SESSION_ENDED');
    expect(await codes({ actor: actor(), active: false, sessionEnded: false })).toBe('ACCOUNT_DISABLED');
    // disabling also ends the logins: the account's own reason is the one shown
    expect(await codes({ actor: actor(), active: false, sessionEnded: true })).toBe('ACCOUNT_DISABLED');
    expect(await codes({ actor: actor(), active: true, sessionEnded: false }, { public: false, staff: true })).toBe(
      'FORBIDDEN',
    );
  });
});
