import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { storageConfig, type StorageConfig } from '../../config/storage.config.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { UploadDay } from './upload-day.entity.js';

/**
 * The per-person daily upload limit (UPLOAD_MAX_FILES_PER_DAY), counted in `file_upload_days`: the day's
 * row is created once (a unique key settles a race) and bumped by a conditional UPDATE, so simultaneous
 * uploads on several instances never pass the limit together. Every upload that gets as far as decoding
 * counts, refused or not: decoding is the expensive part the limit protects.
 */
@Injectable()
export class UploadQuota {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    @Inject(storageConfig.KEY) private readonly config: StorageConfig,
  ) {}

  /** Counts one upload for today, or throws FILE_DAILY_LIMIT (429). */
  async take(userId: number): Promise<void> {
    const day = this.clock.today();
    const repo = this.ds.getRepository(UploadDay);
    try {
      await repo.insert({ userId, day, uploads: 0 });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const res = await repo
      .createQueryBuilder()
      .update(UploadDay)
      .set({ uploads: () => 'uploads + 1' })
      .where('userId = :userId AND day = :day AND uploads < :max', { userId, day, max: this.config.maxFilesPerDay })
      .execute();
    if (!res.affected) throw new AppException('FILE_DAILY_LIMIT', { limit: this.config.maxFilesPerDay });
  }
}
