import yauzl from 'yauzl';
import { AppException } from '../../common/errors/app-exception.js';

export interface ZipLimits {
  /** Most entries an archive may hold (an .xlsx from the provincial system has about a dozen). */
  maxEntries: number;
  /** Most bytes all entries may inflate to together. */
  maxUnpackedBytes: number;
}

/** Roster workbooks: 20,000 rows inflate to well under 40 MB; a zip bomb declares gigabytes. */
export const ROSTER_ZIP_LIMITS: ZipLimits = { maxEntries: 200, maxUnpackedBytes: 64 * 1024 * 1024 };

const tooLarge = (details: Record<string, unknown>) => new AppException('ROSTER_FILE_UNPACKED_TOO_LARGE', details);
const unreadable = () => new AppException('ROSTER_FILE_UNREADABLE');

/**
 * Checks a zip (an .xlsx) before anything parses it: the entry count and the declared sizes come
 * from the central directory (yauzl reads it without inflating), and are refused over the limits.
 * Then every entry is inflated as a stream and thrown away while counting: yauzl fails an entry
 * that inflates to more than it declared, so a lying directory is stopped after at most the limit.
 * Inflating runs in zlib's thread pool, so the event loop (other requests) keeps moving.
 */
export async function assertZipWithinLimits(buf: Buffer, limits: ZipLimits = ROSTER_ZIP_LIMITS): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      buf,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
      (err, z) => (err || !z ? reject(unreadable()) : resolve(z)),
    ),
  );
  try {
    if (zip.entryCount > limits.maxEntries) throw tooLarge({ entries: zip.entryCount, maxEntries: limits.maxEntries });
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        if (declared > limits.maxUnpackedBytes) return reject(tooLarge({ maxUnpackedBytes: limits.maxUnpackedBytes }));
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', () => reject(unreadable()));
      zip.readEntry();
    });
    let inflated = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      await new Promise<void>((resolve, reject) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(unreadable());
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > limits.maxUnpackedBytes) {
              stream.destroy();
              reject(tooLarge({ maxUnpackedBytes: limits.maxUnpackedBytes }));
            }
          });
          // yauzl reports "too many bytes in the stream" (or a bad CRC/size) as an error
          stream.on('error', (e: Error) =>
            reject(
              /too many bytes|too few bytes/i.test(e.message)
                ? tooLarge({ maxUnpackedBytes: limits.maxUnpackedBytes })
                : unreadable(),
            ),
          );
          stream.on('end', () => resolve());
        });
      });
    }
  } finally {
    zip.close();
  }
}
