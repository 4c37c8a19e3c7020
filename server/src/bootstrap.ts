import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/app-config.js';
import { AppModule } from './app.module.js';
import { ensureMysqlDatabase } from './database/data-source.js';
import { seedDemo } from './database/seed/seed-demo.js';
import { ensureEmbeddedTriggers } from './database/append-only.js';
import { serializeEmbeddedTransactions } from './database/serialize-embedded-transactions.js';
import { createValidationPipe } from './common/errors/validation.js';
import { logger } from './common/logging/logger.js';
import { requestLogging } from './common/logging/request-logging.middleware.js';
import { toApiError } from './common/errors/all-exceptions.filter.js';
import { currentRequestId } from './common/logging/request-context.js';
import { PiiCipher } from './common/pii/pii-cipher.js';
import { PasswordHasher } from './common/auth/password-hasher.js';

/**
 * Builds the configured application (used by main.ts and by every e2e test, so both run the
 * same pipeline): JSON body limits, request ids, validation, error shape, OpenAPI, H5 static files.
 */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  logger.level = config.logLevel;
  await ensureMysqlDatabase(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: config.env === 'test' ? false : logger,
    bodyParser: false,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestLogging);
  app.use(express.json({ limit: '256kb' }));
  // Body-parser failures happen before Nest's filter sees the request: shape them here.
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const { status, body } = toApiError(err);
    res.status(status).json({ ...body, requestId: currentRequestId() });
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('江淮义警 API')
      .setDescription('警保联动 · 江淮义警服务端接口。错误统一为 { code, message, details?, requestId }。x-auth 标明每个接口的登录要求。')
      .setVersion(config.version)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });

  if (config.h5Dir && existsSync(path.join(config.h5Dir, 'index.html'))) {
    app.use(express.static(config.h5Dir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
  }
  // Unknown /api routes get the standard error shape from Nest's own 404 via the filter.

  serializeEmbeddedTransactions(app.get(DataSource));
  await ensureEmbeddedTriggers(app.get(DataSource));
  if (config.seedDemo) {
    const seeded = await seedDemo(app.get(DataSource), app.get(PiiCipher), app.get(PasswordHasher));
    if (seeded) logger.info('demo data seeded');
  }
  return app;
}

function noCacheForHtml(res: Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
