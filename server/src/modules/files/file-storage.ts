import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Keys are made by the server: a file id (32 hex) with an optional variant suffix (`.thumb`). */
export const STORAGE_KEY_PATTERN = /^[0-9a-f]{32}(\.[a-z]{1,10})?$/;

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error(`not a server-made storage key: ${JSON.stringify(key)}`);
}

/**
 * Where uploaded bytes are kept (docs/adr/0005-uploads.md). The key is always server-made; a driver
 * never sees a client's file name. Local disk now; object storage is a second implementation.
 */
export abstract class FileStorage {
  abstract put(key: string, bytes: Buffer): Promise<void>;
  /** the bytes, or null when there is no such key */
  abstract get(key: string): Promise<Buffer | null>;
  /** the bytes as a stream, or null when there is no such key */
  abstract stream(key: string): Promise<Readable | null>;
  abstract exists(key: string): Promise<boolean>;
  /** removes the key; a missing key is no error */
  abstract delete(key: string): Promise<void>;
}

/** Files in one directory (0700), each 0600, named by its key alone: no sub-folders, no client path. */
export class LocalDiskStorage extends FileStorage {
  private ready: Promise<void> | null = null;

  constructor(private readonly root: string) {
    super();
    this.root = path.resolve(root);
  }

  /** The file of a key: refuses anything but a server-made key, and anything that would land outside the root. */
  pathOf(key: string): string {
    assertStorageKey(key);
    const full = path.resolve(this.root, key);
    if (path.dirname(full) !== this.root) throw new Error(`storage key escapes the uploads directory: ${key}`);
    return full;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await this.ensureRoot();
    // written beside it, then renamed: a reader never sees half a file
    const temp = `${target}.${randomBytes(6).toString('hex')}.part`;
    try {
      await writeFile(temp, bytes, { mode: 0o600, flag: 'wx' });
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async stream(key: string): Promise<Readable | null> {
    const file = this.pathOf(key);
    return (await this.exists(key)) ? createReadStream(file) : null;
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
  }

  private ensureRoot(): Promise<void> {
    this.ready ??= (async () => {
      await mkdir(this.root, { recursive: true, mode: 0o700 });
      await chmod(this.root, 0o700);
    })();
    return this.ready;
  }
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT';
}
