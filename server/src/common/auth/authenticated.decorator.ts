import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiResponse } from '@nestjs/swagger';
import type { Permission } from '@jianghuai/shared';
import type { Actor } from './actor.js';

export const AUTH_METADATA = 'jh:auth';

export interface AuthOptions {
  /** Required permission from the shared permission table (PERMISSIONS); omitted = any signed-in person. */
  permission?: Permission;
  /** Only staff accounts (any staff role). */
  staff?: boolean;
}

export type AuthMetadata = { public: true } | ({ public: false } & AuthOptions);

/** Marks a route as needing a signed-in person (and optionally a permission). Routes without any auth decorator are closed too. */
export function Authenticated(options: AuthOptions = {}): MethodDecorator & ClassDecorator {
  const meta: AuthMetadata = { public: false, ...options };
  return applyDecorators(
    SetMetadata(AUTH_METADATA, meta),
    ApiBearerAuth(),
    ApiExtension(
      'x-auth',
      options.permission ? `permission:${options.permission}` : options.staff ? 'staff' : 'signed-in',
    ),
    ApiResponse({ status: 401, description: '未登录或登录已过期 (UNAUTHENTICATED / TOKEN_EXPIRED)' }),
    ...(options.permission || options.staff ? [ApiResponse({ status: 403, description: '没有权限 (FORBIDDEN)' })] : []),
  );
}

/** Explicitly open route (login, health, docs). */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(AUTH_METADATA, { public: true } satisfies AuthMetadata),
    ApiExtension('x-auth', 'public'),
  );
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!req.actor) throw new Error('CurrentActor used on a route without authentication');
  return req.actor;
});
