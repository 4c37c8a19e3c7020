import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { storageConfig, type StorageConfig } from '../../config/storage.config.js';
import { FilePurposes } from './file-purposes.js';
import { FileStorage, LocalDiskStorage } from './file-storage.js';
import { FilesController } from './files.controller.js';
import { StoredFile } from './stored-file.entity.js';
import { UploadDay } from './upload-day.entity.js';
import { UploadQuota } from './upload-quota.js';
import { UploadsService } from './uploads.service.js';

/**
 * Uploads (docs/product.md#uploads, docs/files.md): the storage behind an interface, the upload pipeline
 * and authorised reads. Imports no feature module: the mall, tips… register a `FileReadPolicy` with
 * `FilePurposes` and attach files through `UploadsService`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StoredFile, UploadDay])],
  controllers: [FilesController],
  providers: [
    {
      provide: FileStorage,
      inject: [storageConfig.KEY],
      useFactory: (config: StorageConfig): FileStorage => new LocalDiskStorage(config.localDir),
    },
    FilePurposes,
    UploadQuota,
    UploadsService,
  ],
  exports: [FilePurposes, UploadsService, FileStorage],
})
export class FilesModule {}
