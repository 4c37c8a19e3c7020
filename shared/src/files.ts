/**
 * Uploads (docs/product.md#uploads, docs/files.md): a picture is sent once to `POST /files` with the
 * purpose it is for, checked and re-encoded by the server, and read back only through the server,
 * which asks the owning domain's read policy who may see it.
 */
export const FILE_ROUTES = {
  /** multipart: field `purpose`, then the picture as field `file` */
  upload: '/files',
  /** the re-encoded picture (JPEG, at most 2048 px wide) */
  file: '/files/:id',
  /** its thumbnail (JPEG, 320 px wide) */
  thumb: '/files/:id/thumb',
} as const;

/** The multipart field names of an upload. */
export const FILE_UPLOAD_FIELD = 'file';
export const FILE_PURPOSE_FIELD = 'purpose';

/** What `POST /files` answers: where to read the picture back and its size after re-encoding. */
export interface UploadedFileResponse {
  id: string;
  /** `/api/files/<id>`: read with the bearer token (Taro.downloadFile), never a public address */
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  /** bytes of the stored (re-encoded) picture */
  bytes: number;
}

/** A purpose readable by its uploader alone (the contract's example; the mall and tips register their own). */
export const FILE_PURPOSE_PERSONAL = 'personal';

/** Server-made file ids: 32 lowercase hex characters. */
export const FILE_ID_PATTERN = /^[0-9a-f]{32}$/;
