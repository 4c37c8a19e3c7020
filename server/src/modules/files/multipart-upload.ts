import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { FILE_PURPOSE_FIELD, FILE_UPLOAD_FIELD } from '@jianghuai/shared';
import { AppException } from '../../common/errors/app-exception.js';

export interface MultipartUpload {
  purpose: string;
  filename: string | null;
  bytes: Buffer;
}

/**
 * The bytes of a file part, refused as soon as the parser cuts it at `maxBytes`: leaving the loop destroys
 * the part, the parser stops reading the request, and the refusal goes out while the phone is still
 * sending (`part.toBuffer()` would read, and drop, everything the client sends first).
 */
async function readCapped(file: MultipartFile['file'], maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file) {
    if (file.truncated) throw new AppException('FILE_TOO_LARGE', { maxBytes });
    chunks.push(chunk as Buffer);
  }
  if (file.truncated) throw new AppException('FILE_TOO_LARGE', { maxBytes });
  return Buffer.concat(chunks);
}

/**
 * Reads `purpose` and the one file of an upload request. The file is cut off at `maxBytes` while it
 * streams in (never read whole, never written to a temporary file): past it the request is refused with
 * FILE_TOO_LARGE. Anything but one file and a few short fields is refused by the parser's limits.
 */
export async function readMultipartUpload(req: FastifyRequest, maxBytes: number): Promise<MultipartUpload> {
  if (!req.isMultipart()) throw new AppException('FILE_REQUIRED');
  let purpose = '';
  let file: { filename: string | null; bytes: Buffer } | null = null;
  try {
    const parts = req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 200, parts: 6 } });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === FILE_PURPOSE_FIELD) purpose = String(part.value ?? '');
      } else {
        const bytes = await readCapped(part.file, maxBytes);
        if (part.fieldname === FILE_UPLOAD_FIELD) file = { filename: part.filename || null, bytes };
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppException('FILE_TOO_LARGE', { maxBytes });
    throw err;
  }
  if (!file) throw new AppException('FILE_REQUIRED');
  return { purpose, ...file };
}
