import type { FastifyRequest } from 'fastify';

export interface UploadedFile {
  buffer: Buffer;
  filename: string;
}

/**
 * The one file sent as `field` in a multipart request (other parts are read and dropped), or null
 * when the request carries none. A file over `maxBytes` throws Fastify's 413 error, which the
 * exception filter turns into PAYLOAD_TOO_LARGE.
 */
export async function readUploadedFile(
  req: FastifyRequest,
  field: string,
  maxBytes: number,
): Promise<UploadedFile | null> {
  if (!req.isMultipart()) return null;
  let found: UploadedFile | null = null;
  for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 20 } })) {
    if (part.type !== 'file') continue;
    const buffer = await part.toBuffer();
    if (part.fieldname === field && !found) found = { buffer, filename: part.filename };
  }
  return found;
}
