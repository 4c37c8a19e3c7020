import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { SandboxController } from './sandbox.controller.js';

@Module({ controllers: [HealthController, SandboxController] })
export class HealthModule {}
