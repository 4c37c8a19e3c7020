import { ConfigModule, registerAs, type ConfigType } from '@nestjs/config';
import { activitiesConfig } from './activities.config.js';
import { appConfig } from './app.config.js';
import { authConfig } from './auth.config.js';
import { clockConfig } from './clock.config.js';
import { ConfigError, type Env } from './config-area.js';
import { databaseConfig } from './database.config.js';
import { enrolmentConfig } from './enrolment.config.js';
import { jobsConfig } from './jobs.config.js';
import { jwtConfig } from './jwt.config.js';
import { notificationsConfig } from './notifications.config.js';
import { paymentsConfig } from './payments.config.js';
import { piiConfig } from './pii.config.js';
import { smsConfig } from './sms.config.js';
import { storageConfig } from './storage.config.js';
import { tipsConfig } from './tips.config.js';
import { incidentsConfig } from './incidents.config.js';
import { pointsConfig } from './points.config.js';
import { callupsConfig } from './callups.config.js';
import { callupFanoutConfig } from './callup-fanout.config.js';
import { wechatConfig } from './wechat.config.js';

/** Every area of the configuration, by the name it is registered under. */
const AREAS = {
  app: appConfig,
  database: databaseConfig,
  jwt: jwtConfig,
  auth: authConfig,
  pii: piiConfig,
  wechat: wechatConfig,
  clock: clockConfig,
  activities: activitiesConfig,
  enrolment: enrolmentConfig,
  jobs: jobsConfig,
  notifications: notificationsConfig,
  sms: smsConfig,
  payments: paymentsConfig,
  storage: storageConfig,
  tips: tipsConfig,
  incidents: incidentsConfig,
  points: pointsConfig,
  callups: callupsConfig,
  callupFanout: callupFanoutConfig,
} as const;

type Areas = typeof AREAS;
export type Config = { [K in keyof Areas]: ConfigType<Areas[K]> };

/**
 * Reads and validates the environment once at boot, every area with its own rules. Development gets
 * working defaults; production refuses to start without its secrets, with the WeChat sandbox, schema
 * sync, demo seeding or a fixed clock. Every problem of every area is thrown together in one `ConfigError`.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const config = Object.fromEntries(
    Object.entries(AREAS).map(([name, area]) => {
      if (area.area !== name) throw new Error(`config area ${area.area} is listed as ${name}`);
      return [name, area.read(env, problems)];
    }),
  ) as Config;
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/**
 * The application's `ConfigModule` (global): each area registered under its own key with the values
 * `loadConfig` validated, so `@Inject(xConfig.KEY)` gets the same object the bootstrap uses. No `.env`
 * file and no second look at the process environment: what was validated is what runs.
 */
export function configModule(config: Config) {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    validatePredefined: false,
    skipProcessEnv: true,
    load: (Object.keys(AREAS) as (keyof Areas)[]).map((name) => registerAs(name, () => config[name])),
  });
}
