import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { FileKind } from './file-purposes.js';

/**
 * The types each kind accepts, decided by the bytes (magic numbers), never by the name or the client's
 * Content-Type. HEIC is not among them: the prebuilt libvips of sharp decodes AVIF but not HEIC
 * (docs/adr/0005-uploads.md); WeChat hands the mini-program JPEG anyway.
 */
export const ALLOWED_TYPES: Record<FileKind, readonly string[]> = {
  image: ['image/jpeg', 'image/png', 'image/webp'],
};

/** The longest side a stored picture keeps, the thumbnail's width, and the most pixels decoded. */
export const IMAGE_MAX_WIDTH = 2048;
export const THUMB_WIDTH = 320;
const MAX_INPUT_PIXELS = 64_000_000;

/** The type of the bytes by their content, or null when nothing known starts them. */
export async function sniffType(bytes: Buffer): Promise<string | null> {
  return (await fileTypeFromBuffer(bytes))?.mime ?? null;
}

export interface EncodedImage {
  main: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/**
 * Decodes the picture and writes it anew as JPEG: turned upright, at most IMAGE_MAX_WIDTH wide, on
 * white where it was transparent, without any metadata (EXIF, GPS, XMP, ICC comments are not copied),
 * plus a thumbnail. Nothing of the uploaded bytes is kept, so a polyglot (a picture with a zip or a page
 * appended) loses its payload. Throws when libvips cannot decode the whole picture (truncated, forged).
 */
export async function reencodeImage(bytes: Buffer): Promise<EncodedImage> {
  const { data: main, info } = await sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize({ width: IMAGE_MAX_WIDTH, withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 85 })
    .toBuffer({ resolveWithObject: true });
  const thumb = await sharp(main)
    .resize({ width: THUMB_WIDTH, withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toBuffer();
  return { main, thumb, width: info.width, height: info.height };
}
