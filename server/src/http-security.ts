import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError, ErrorCode } from '@jianghuai/shared';
import { ERRORS } from '@jianghuai/shared';
import type { AppConfig } from './config/app.config.js';
import { AccessTokenVerifier } from './common/auth/access-token-verifier.js';
import { ActorSource } from './common/auth/actor-source.js';
import { currentRequestId } from './common/logging/request-context.js';

/**
 * Inline `<script>` blocks of the H5 app's index.html (Taro writes one: the root font size), as
 * CSP source hashes, so the policy can allow exactly them and no other inline script.
 */
export function inlineScriptHashes(h5Dir: string | null): string[] {
  if (!h5Dir) return [];
  const file = path.join(h5Dir, 'index.html');
  if (!existsSync(file)) return [];
  const html = readFileSync(file, 'utf8');
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (m[1].trim() === '') continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * Security headers for every response (API and H5 app) through @fastify/helmet. The content
 * security policy fits what the Taro H5 build does: its own scripts and the one inline script of
 * index.html (by hash), styles it injects at run time, images from data:/blob: URLs (QR codes,
 * photos being uploaded), requests to its own origin (and the blob: URLs of files being uploaded)
 * only; no plugins, no framing.
 */
export function helmetOptions(config: AppConfig): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(config.h5Dir)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // blob: Taro's H5 uploadFile reads the picked file back from its blob: URL with an XHR
        connectSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        ...(config.env === 'production' ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // The API is also called from the mini-program (not a browser) and the H5 app on this origin.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // HSTS only where the server is reached over https, i.e. in production behind its proxy.
    strictTransportSecurity: config.env === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}

/** Static files of the Swagger UI itself (no API description in them): served to anyone. */
const DOCS_ASSET = /^\/api\/docs\/(swagger-ui(-bundle|-standalone-preset)?\.js|[\w.-]+\.(css|png|map))$/;

/**
 * The OpenAPI UI and document (`/api/docs…`): off (not set up: 404) in production unless
 * `API_DOCS=on`, and then only for a signed-in staff member (a bearer token, as every staff
 * route). Outside production they are open to help development.
 */
export function guardApiDocs(app: NestFastifyApplication, config: AppConfig): void {
  if (config.apiDocs !== 'staff') return;
  const tokens = app.get(AccessTokenVerifier);
  const actors = app.get(ActorSource);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      const url = req.url.split('?')[0];
      if (!url.startsWith('/api/docs') || DOCS_ASSET.test(url)) return;
      const header = req.headers.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      const verified = token ? tokens.verify(token) : null;
      if (!verified?.ok) return deny(reply, 'UNAUTHENTICATED');
      const loaded = await actors.loadActor(verified.payload.sub, verified.payload.sid, () => req.ip ?? null);
      if (!loaded || loaded.sessionEnded || !loaded.active) return deny(reply, 'UNAUTHENTICATED');
      if (!loaded.actor.isStaff) return deny(reply, 'FORBIDDEN');
    });
}

function deny(reply: FastifyReply, code: ErrorCode): FastifyReply {
  const body: ApiError = {
    code,
    message: ERRORS[code].message,
    requestId: currentRequestId() ?? String(reply.getHeader('X-Request-Id') ?? ''),
  };
  return reply
    .code(ERRORS[code].status)
    .header('Content-Type', 'application/json; charset=utf-8')
    .send(JSON.stringify(body));
}
