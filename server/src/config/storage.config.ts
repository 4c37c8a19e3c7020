import path from 'node:path';
import { dataDirOf, defineConfig } from './config-area.js';
import { envNumbers } from './env-number.js';

export type StorageDriver = 'local';

const MB = 1024 * 1024;

/**
 * Uploaded files (docs/product.md#uploads): STORAGE_DRIVER, UPLOAD_MAX_IMAGE_BYTES, UPLOAD_MAX_FILES_PER_DAY.
 * Local disk under `DATA_DIR/uploads` (outside the web root) is the one driver for now; object storage
 * is a second implementation of `FileStorage` and a new value here.
 */
export const storageConfig = defineConfig('storage', (env, problems) => {
  const { int } = envNumbers(env, problems);
  const driver = (env.STORAGE_DRIVER || 'local') as StorageDriver;
  if (driver !== 'local') problems.push(`STORAGE_DRIVER must be local (the only driver so far), got "${driver}"`);
  return {
    driver,
    /** where the local driver keeps the files: never under H5_DIR, never served by the static handler */
    localDir: path.join(dataDirOf(env), 'uploads'),
    /** the largest picture accepted, counted while it streams in (10 MB) */
    maxImageBytes: int('UPLOAD_MAX_IMAGE_BYTES', 10 * MB, 1024, 50 * MB),
    /** uploads per person per business day, counted in the database (every instance sees one count) */
    maxFilesPerDay: int('UPLOAD_MAX_FILES_PER_DAY', 100, 1, 100_000),
  };
});

export type StorageConfig = ReturnType<typeof storageConfig>;
