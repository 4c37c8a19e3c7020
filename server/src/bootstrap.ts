import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/app.config.js';
import type { Config } from './config/configuration.js';
import { AppModule } from './app.module.js';
import { ensureMysqlDatabase } from './database/data-source.js';
import { ensureEmbeddedAppendOnly } from './database/append-only.js';
import { serializeEmbeddedTransactions } from './database/serialize-embedded-transactions.js';
import { createValidationPipe } from './common/errors/validation.js';
import { logger, NestPinoLogger } from './common/logging/logger.js';
import { fastifyLogging, requestIdHook } from './common/logging/request-logging.hook.js';
import { clientErrorHandler, frameworkErrors, parseJsonBody } from './common/errors/edge-errors.js';
import { guardApiDocs, helmetOptions } from './http-security.js';
import { PiiCipher } from './common/pii/pii-cipher.js';
import { PasswordHasher } from './common/auth/password-hasher.js';
import { Clock } from './common/clock/clock.js';
import { keepRawBody } from './modules/payments/raw-body.js';
import { PointsLedgerService } from './modules/points/points-ledger.service.js';

/** JSON bodies above this are refused with 413 PAYLOAD_TOO_LARGE (file uploads have their own limit). */
const JSON_BODY_LIMIT = 256 * 1024;
/**
 * Path parameters up to this length reach the route (whose pipe answers 400 naming the field);
 * longer ones are refused by the router with 414 URL_TOO_LONG.
 */
const MAX_PARAM_LENGTH = 500;

/**
 * Builds the configured application (used by main.ts and by every e2e test, so both run the
 * same pipeline): JSON body limits, request ids, validation, error shape, OpenAPI, H5 static files.
 */
export async function createApp(config: Config): Promise<NestFastifyApplication> {
  logger.level = config.app.logLevel;
  await ensureMysqlDatabase(config.database);
  // Fastify under Nest: about a tenth less CPU per request than Express (see docs/benchmarks.md).
  // Refusals below Nest (a malformed URL, an over-long path parameter, a request Node's parser
  // refuses) are answered in the one error shape too (common/errors/edge-errors.ts).
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.app.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    clientErrorHandler,
    // Fastify's pino logger: the request id, one access line per /api request, redaction (common/logging)
    ...fastifyLogging(logger),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: config.app.env === 'test' ? false : new NestPinoLogger(logger),
    bodyParser: false,
    // A failure while starting (database unreachable, a migration failing) is thrown to the
    // caller, not answered with process.exit(1) from inside Nest: main.ts still exits non-zero,
    // and a test that starts an app sees the error and can close what it opened.
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', requestIdHook);
  await app.register(fastifyHelmet, helmetOptions(config.app));
  await registerBodyParsers(app);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  serveApiDocs(app, config.app);
  await serveH5(app, config.app.h5Dir);
  // Unknown /api routes get the standard error shape from Nest's own 404 via the filter.
  await prepareData(app, config.app);
  return app;
}

/**
 * Bodies: JSON (an empty body is no body), multipart for file uploads only where a route reads
 * it, and anything else is read and ignored, so an odd Content-Type meets validation, not a 415.
 */
async function registerBodyParsers(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, text, done) => {
    // an object or an array, at most MAX_JSON_DEPTH deep, without __proto__ / constructor keys
    try {
      // WeChat Pay's notifications are verified on the bytes as received (modules/payments/raw-body.ts)
      keepRawBody(req, text as string);
      done(null, parseJsonBody(text as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  await app.register(fastifyMultipart);
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, _body, done) => done(null, undefined));
}

/** The OpenAPI document, and its UI when API_DOCS allows. */
function serveApiDocs(app: NestFastifyApplication, config: AppConfig): void {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('江淮义警 API')
      .setDescription(
        '警保联动 · 江淮义警服务端接口。错误统一为 { code, message, details?, requestId }。x-auth 标明每个接口的登录要求。',
      )
      .setVersion(config.version)
      .addBearerAuth()
      .build(),
  );
  // Off in production unless API_DOCS=on, and then for signed-in staff only (http-security.ts).
  if (config.apiDocs !== 'off') {
    guardApiDocs(app, config);
    SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  }
}

/** The H5 app's files, when it has been built. */
async function serveH5(app: NestFastifyApplication, h5Dir: string | null): Promise<void> {
  if (h5Dir && existsSync(path.join(h5Dir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: path.resolve(h5Dir),
      index: 'index.html',
      maxAge: 3_600_000,
      setHeaders: noCacheForHtml,
    });
  }
}

/** The embedded database's guards, then the demo data when SEED_DEMO is on. */
async function prepareData(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  serializeEmbeddedTransactions(app.get(DataSource));
  await ensureEmbeddedAppendOnly(app.get(DataSource), 'audit_logs');
  if (config.seedDemo) {
    // loaded only when seeding (never in production): the demo data and the sandbox's openids
    const { seedDemo } = await import('./database/seed/seed-demo.js');
    const seeded = await seedDemo(
      app.get(DataSource),
      app.get(PiiCipher),
      app.get(PasswordHasher),
      app.get(Clock).now(),
      app.get(PointsLedgerService),
    );
    if (seeded) logger.info('demo data seeded');
  }
}

function noCacheForHtml(reply: FastifyReply, file: string): void {
  if (file.endsWith('.html')) reply.header('Cache-Control', 'no-cache');
}
