import { createSecretKey } from 'node:crypto';
import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { Config } from '../config/configuration.js';
import { PiiCipher } from './pii/pii-cipher.js';
import { Clock } from './clock/clock.js';
import { PasswordHasher } from './auth/password-hasher.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AccessTokenVerifier } from './auth/access-token-verifier.js';
import { LoginRateLimitGuard } from './auth/rate-limit.guard.js';
import { LoginBrakeService } from './auth/login-brake.service.js';
import { AllExceptionsFilter } from './errors/all-exceptions.filter.js';

/**
 * Cross-cutting providers: the clock, PII cipher, password hasher, JWT, the global guard and error filter.
 * `actors` is the module that provides the guard's `ActorSource` (the auth module's ActorModule); the application module
 * passes it in, so that common code never imports a feature module.
 */
@Global()
@Module({})
export class CommonModule {
  static forRoot(config: Config, actors: Type<unknown> | DynamicModule): DynamicModule {
    const clock = new Clock(config.clock.zone, config.clock.start);
    return {
      module: CommonModule,
      imports: [
        // Issues tokens (verification on requests: AccessTokenVerifier). A KeyObject, not the string:
        // given a string, jsonwebtoken first tries to parse it as a PEM key on every call.
        JwtModule.register({
          secret: createSecretKey(Buffer.from(config.jwt.secret)) as unknown as Buffer,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
        actors,
      ],
      providers: [
        { provide: Clock, useValue: clock },
        { provide: PiiCipher, useValue: new PiiCipher(config.pii) },
        { provide: PasswordHasher, useValue: new PasswordHasher(config.auth.passwordCost) },
        { provide: AccessTokenVerifier, useValue: new AccessTokenVerifier(config.jwt.secret, clock) },
        LoginRateLimitGuard,
        LoginBrakeService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
      exports: [Clock, PiiCipher, PasswordHasher, JwtModule, LoginRateLimitGuard, LoginBrakeService],
    };
  }
}
