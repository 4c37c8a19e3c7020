import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import {
  API_PREFIX,
  FILE_ID_PATTERN,
  FILE_ROUTES,
  apiPath,
  type ErrorCode,
  type UploadedFileResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { storageConfig, type StorageConfig } from '../../config/storage.config.js';
import { FilePurposes, type FileFacts } from './file-purposes.js';
import { FileStorage } from './file-storage.js';
import { ALLOWED_TYPES, reencodeImage, sniffType, type EncodedImage } from './image-pipeline.js';
import { StoredFile } from './stored-file.entity.js';
import { UploadQuota } from './upload-quota.js';

export interface UploadInput {
  purpose: string;
  /** the client's name for it: never used for storage, type or the served name */
  filename?: string | null;
  bytes: Buffer;
}

export type FileVariant = 'main' | 'thumb';

export interface FileRead {
  stream: Readable;
  mime: string;
  /** the server-made name for Content-Disposition */
  downloadName: string;
}

const storageKey = (id: string, variant: FileVariant) => (variant === 'thumb' ? `${id}.thumb` : id);

/**
 * Uploads (docs/product.md#uploads): accepts a picture for a registered purpose (type by its bytes, size
 * limit, daily limit, re-encoded without metadata), serves it back only to who the purpose's policy allows,
 * and lets the owning module attach it to what it belongs to.
 */
@Injectable()
export class UploadsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly storage: FileStorage,
    private readonly purposes: FilePurposes,
    private readonly quota: UploadQuota,
    @Inject(storageConfig.KEY) private readonly config: StorageConfig,
  ) {}

  async accept(actor: Actor, input: UploadInput): Promise<UploadedFileResponse> {
    const policy = this.purposes.find(input.purpose);
    if (!policy) throw new AppException('FILE_PURPOSE_UNKNOWN', { purpose: input.purpose });
    if (!input.bytes.length) throw new AppException('FILE_REQUIRED');
    if (input.bytes.length > this.config.maxImageBytes)
      throw new AppException('FILE_TOO_LARGE', { maxBytes: this.config.maxImageBytes });
    const sourceMime = await sniffType(input.bytes);
    if (!sourceMime || !ALLOWED_TYPES[policy.kind].includes(sourceMime))
      throw new AppException('FILE_TYPE_NOT_ALLOWED', { detected: sourceMime ?? 'unknown' });
    await this.quota.take(actor.userId);
    const image = await this.decode(input.bytes);
    const file = await this.store(actor, input.purpose, sourceMime, image);
    return toResponse(file);
  }

  /**
   * The bytes of a file for this person, or 404 when it does not exist, was deleted, or the purpose's
   * policy (the uploader alone before attachment) does not let them read it: never a 403 that tells it exists.
   */
  async read(actor: Actor, id: string, variant: FileVariant): Promise<FileRead> {
    if (!FILE_ID_PATTERN.test(id)) throw AppException.notFound();
    const file = await this.ds.getRepository(StoredFile).findOneBy({ id, deletedAt: IsNull() });
    if (!file || !(await this.purposes.canRead(actor, facts(file)))) throw AppException.notFound();
    const stream = await this.storage.stream(storageKey(id, variant));
    if (!stream) throw AppException.notFound();
    return { stream, mime: file.mime, downloadName: variant === 'thumb' ? `${id}-thumb.jpg` : `${id}.jpg` };
  }

  /**
   * For the owning module, in its own transaction: the uploader's unattached file of this purpose now
   * belongs to `attachedTo` (`tip:12`). Someone else's, another purpose's or a deleted file is 404; one
   * attached already is FILE_ALREADY_ATTACHED. A conditional UPDATE: two attaches never both win.
   */
  async attach(
    manager: EntityManager | null,
    target: { id: string; ownerUserId: number; purpose: string; attachedTo: string },
  ): Promise<FileFacts> {
    const repo = (manager ?? this.ds.manager).getRepository(StoredFile);
    if (!FILE_ID_PATTERN.test(target.id)) throw AppException.notFound();
    const mine = { id: target.id, ownerUserId: target.ownerUserId, purpose: target.purpose, deletedAt: IsNull() };
    const res = await repo.update({ ...mine, attachedTo: IsNull() }, { attachedTo: target.attachedTo });
    const file = await repo.findOneBy(mine);
    if (!file) throw AppException.notFound();
    if (!res.affected && file.attachedTo !== target.attachedTo) throw new AppException('FILE_ALREADY_ATTACHED');
    return facts(file);
  }

  /**
   * Attaches each of `fileIds` (the owner's own unattached uploads of `purpose`) to `attachedTo` in the caller's
   * transaction. The first that cannot be attached (someone else's, another purpose, already attached elsewhere, gone)
   * refuses the whole record with the owning module's `invalid` code and that file's id; the transaction then rolls
   * back whatever was attached before it.
   */
  async attachAll(
    manager: EntityManager,
    target: { fileIds: readonly string[]; ownerUserId: number; purpose: string; attachedTo: string },
    invalid: ErrorCode,
  ): Promise<void> {
    const { fileIds, ...rest } = target;
    for (const fileId of fileIds)
      await this.attach(manager, { id: fileId, ...rest }).catch((err: unknown) => {
        if (err instanceof AppException) throw new AppException(invalid, { fileId });
        throw err;
      });
  }

  /** Marks a file deleted and removes its bytes (the owning module calls it when what it belonged to goes). */
  async discard(id: string): Promise<void> {
    if (!FILE_ID_PATTERN.test(id)) return;
    await this.ds.getRepository(StoredFile).update({ id, deletedAt: IsNull() }, { deletedAt: this.clock.now() });
    await this.storage.delete(storageKey(id, 'main'));
    await this.storage.delete(storageKey(id, 'thumb'));
  }

  private async decode(bytes: Buffer): Promise<EncodedImage> {
    try {
      return await reencodeImage(bytes);
    } catch {
      throw new AppException('FILE_UNREADABLE');
    }
  }

  /** Bytes first (under a fresh random id), then the row; bytes without a row are removed again. */
  private async store(actor: Actor, purpose: string, sourceMime: string, image: EncodedImage): Promise<StoredFile> {
    const id = randomBytes(16).toString('hex');
    const row = this.ds.getRepository(StoredFile).create({
      id,
      purpose,
      ownerUserId: actor.userId,
      mime: 'image/jpeg',
      sourceMime,
      bytes: image.main.length,
      width: image.width,
      height: image.height,
      sha256: createHash('sha256').update(image.main).digest('hex'),
      createdAt: this.clock.now(),
      attachedTo: null,
      deletedAt: null,
    });
    try {
      await this.storage.put(storageKey(id, 'main'), image.main);
      await this.storage.put(storageKey(id, 'thumb'), image.thumb);
      return await this.ds.getRepository(StoredFile).save(row);
    } catch (err) {
      await this.storage.delete(storageKey(id, 'main'));
      await this.storage.delete(storageKey(id, 'thumb'));
      throw err;
    }
  }
}

function facts(file: StoredFile): FileFacts {
  const { id, purpose, ownerUserId, attachedTo, createdAt } = file;
  return { id, purpose, ownerUserId, attachedTo, createdAt };
}

function toResponse(file: StoredFile): UploadedFileResponse {
  return {
    id: file.id,
    url: `${API_PREFIX}${apiPath(FILE_ROUTES.file, { id: file.id })}`,
    thumbUrl: `${API_PREFIX}${apiPath(FILE_ROUTES.thumb, { id: file.id })}`,
    width: file.width,
    height: file.height,
    bytes: file.bytes,
  };
}
