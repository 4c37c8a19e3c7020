import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Application } from './application.entity.js';

/** Reads of applications for other modules (they read the applications table only through this module). */
@Injectable()
export class ApplicationQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** When this person signed the volunteer service agreement on this application; null if not (or not theirs). */
  async agreementSignedAt(applicationId: number, userId: number): Promise<Date | null> {
    const app = await this.ds
      .getRepository(Application)
      .findOne({ where: { id: applicationId, userId }, select: { id: true, agreementSignedAt: true } });
    return app?.agreementSignedAt ?? null;
  }
}
