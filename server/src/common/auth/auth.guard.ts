import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../errors/app-exception.js';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { AUTH_METADATA, type AuthMetadata } from './authenticated.decorator.js';
import { hasPermission } from '@jianghuai/shared';
import type { Actor } from './actor.js';
import { ActorSource } from './actor-source.js';

/**
 * The one global guard. Every route is closed unless marked @Public(); @Authenticated() adds an
 * optional permission from the table. The actor is loaded from the database per request, through
 * the `ActorSource` that the auth module's ActorModule provides.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenVerifier,
    private readonly actors: ActorSource,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const meta = this.reflector.getAllAndOverride<AuthMetadata | undefined>(AUTH_METADATA, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (meta?.public) return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw AppException.unauthenticated();
    const verified = this.tokens.verify(token);
    if (!verified.ok) throw AppException.unauthenticated(verified.code);
    const loaded = await this.actors.loadActor(verified.payload.sub, verified.payload.sid, () => req.ip ?? null);
    if (!loaded) throw AppException.unauthenticated();
    // a disabled account's logins are ended too: its own reason says more
    if (!loaded.active) throw AppException.unauthenticated('ACCOUNT_DISABLED');
    if (loaded.sessionEnded) throw AppException.unauthenticated('SESSION_ENDED');
    const actor = loaded.actor;
    req.actor = actor;
    if (meta?.staff && !actor.isStaff) throw AppException.forbidden();
    if (meta?.permission && !hasPermission(actor.staffRoles, meta.permission)) throw AppException.forbidden();
    return true;
  }
}
