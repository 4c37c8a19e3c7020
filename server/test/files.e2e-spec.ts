import { readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sharp from 'sharp';
import type { UploadedFileResponse } from '@jianghuai/shared';
import { createTestApp, E2E_DB, type TestContext } from './support/test-app.js';

/** Uploads (docs/product.md#uploads): type by content, size and daily limits, re-encoding, authorised reads. */

const picture = (width = 640, height = 480, background = '#2a6') =>
  sharp({ create: { width, height, channels: 3, background } });

/** A phone photo: JPEG with the camera's EXIF, including where it was taken. */
const jpegWithGps = () =>
  picture()
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretPhoneMaker', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '31/1 40/1 12/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '118/1 30/1 0/1',
      },
    })
    .toBuffer();

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f));
}

describe(`uploads (${E2E_DB})`, () => {
  let ctx: TestContext;
  let tokenA: string;
  let tokenB: string;

  const upload = (token: string, bytes: Buffer, filename = 'photo.jpg', purpose = 'personal', contentType?: string) =>
    ctx
      .http()
      .post('/api/files')
      .set('Authorization', `Bearer ${token}`)
      .field('purpose', purpose)
      .attach('file', bytes, { filename, contentType: contentType ?? 'image/jpeg' });
  const read = (token: string, url: string) =>
    ctx
      .http()
      .get(url)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    ctx = await createTestApp({ UPLOAD_MAX_IMAGE_BYTES: String(2 * 1024 * 1024), UPLOAD_MAX_FILES_PER_DAY: '12' });
    tokenA = (await ctx.loginWechat('zhangwei')).accessToken;
    tokenB = (await ctx.loginWechat('lina')).accessToken;
  });
  afterAll(() => ctx.close());

  it('a phone photo comes back re-encoded without any EXIF (no GPS), with a thumbnail, only through the server', async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload(tokenA, original).expect(201);
    const body = res.body as UploadedFileResponse;
    expect(body).toMatchObject({ url: `/api/files/${body.id}`, thumbUrl: `/api/files/${body.id}/thumb`, width: 640 });
    expect(body.id).toMatch(/^[0-9a-f]{32}$/);

    const main = await read(tokenA, body.url).expect(200);
    expect(main.headers['content-type']).toBe('image/jpeg');
    expect(main.headers['cache-control']).toMatch(/^private/);
    expect(main.headers['x-content-type-options']).toBe('nosniff');
    expect(main.headers['content-disposition']).toBe(`inline; filename="${body.id}.jpg"`);
    const bytes = main.body as Buffer;
    expect(bytes.length).toBe(body.bytes);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('SecretPhoneMaker'))).toBe(false);
    expect(bytes.includes(Buffer.from('Exif\0\0'))).toBe(false);

    const thumb = await read(tokenA, body.thumbUrl).expect(200);
    expect((await sharp(thumb.body as Buffer).metadata()).width).toBe(320);
    // the upload is nowhere under the web root: the same path without /api is no file
    await ctx
      .http()
      .get(`/files/${body.id}`)
      .expect((r) => expect(r.headers['content-type']).not.toBe('image/jpeg'));
  });

  it('the type comes from the bytes: a PNG named .jpg is taken as PNG; text, HTML, SVG and a program named .jpg are refused', async () => {
    const png = await picture(300, 200).png().toBuffer();
    const res = await upload(tokenA, png, 'holiday.jpg').expect(201);
    const row = await ctx.dataSource.query('SELECT sourceMime, mime FROM files WHERE id = ?', [res.body.id]);
    expect(row[0]).toEqual({ sourceMime: 'image/png', mime: 'image/jpeg' });

    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const pe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);
    for (const bad of [
      Buffer.from('just some text'),
      Buffer.from('<html><script>alert(1)</script></html>'),
      Buffer.from(svg),
      pe,
    ]) {
      const refused = await upload(tokenA, bad, 'photo.jpg').expect(415);
      expect(refused.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
      expect(refused.body.message).toContain('JPG');
    }
  });

  it('a picture over the limit is refused while it streams in, and the server goes on serving', async () => {
    const big = Buffer.concat([await picture(64, 64).jpeg().toBuffer(), Buffer.alloc(3 * 1024 * 1024, 7)]);
    const res = await upload(tokenA, big).expect(413);
    expect(res.body.code).toBe('FILE_TOO_LARGE');
    await ctx.http().get('/api/health').expect(200);
    await upload(tokenA, await picture(64, 64).jpeg().toBuffer()).expect(201);
  });

  it('the refusal of an oversize picture comes while the phone is still sending: the rest is never waited for', async () => {
    const server = ctx.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as AddressInfo;
    const boundary = 'jh-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\npersonal\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const req = httpRequest({
      host: '127.0.0.1',
      port: address.port,
      method: 'POST',
      path: '/api/files',
      headers: {
        Authorization: `Bearer ${tokenA}`,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(head.length + 50 * 1024 * 1024), // announces 50 MB, sends 3 MB and stops
      },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
    req.write(head);
    req.write(Buffer.alloc(3 * 1024 * 1024, 1));
    const res = await answer;
    req.destroy();
    server.closeAllConnections();
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).code).toBe('FILE_TOO_LARGE');
    await ctx.http().get('/api/health').expect(200);
  });

  it('a polyglot (a JPEG with a zip and a page appended) is re-encoded, never served as sent; a truncated one is refused', async () => {
    const jpeg = await picture().jpeg().toBuffer();
    const payload = Buffer.from('PK\x03\x04<html><script>alert(document.cookie)</script></html>', 'binary');
    const res = await upload(tokenA, Buffer.concat([jpeg, payload])).expect(201);
    const served = (await read(tokenA, res.body.url).expect(200)).body as Buffer;
    expect(served.includes(Buffer.from('<script>'))).toBe(false);
    expect(served.includes(Buffer.from('PK\x03\x04', 'binary'))).toBe(false);

    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    const refused = await upload(tokenA, truncated).expect(422);
    expect(refused.body).toMatchObject({ code: 'FILE_UNREADABLE', message: expect.stringContaining('照片') });
  });

  it("a client's path never reaches the disk: every stored name is server-made, all inside the uploads folder", async () => {
    const root = ctx.config.storage.localDir;
    for (const name of ['../../evil.jpg', '/etc/passwd.jpg', '..\\..\\win.jpg', '%2e%2e%2fenc.jpg'])
      await upload(tokenA, await picture(32, 32).jpeg().toBuffer(), name).expect(201);
    const stored = filesUnder(root);
    expect(stored.length).toBeGreaterThan(0);
    for (const f of stored) expect(path.basename(f)).toMatch(/^[0-9a-f]{32}(\.thumb)?$/);
    const dataDir = path.dirname(root);
    const outside = filesUnder(dataDir).filter((f) => !f.startsWith(root) && /evil|passwd|win|enc/.test(f));
    expect(outside).toEqual([]);
    expect(statSync(root).mode & 0o777).toBe(0o700);
    expect(statSync(stored[0]).mode & 0o777).toBe(0o600);
  });

  it('another person cannot read an unattached upload: 404, as for an id that does not exist', async () => {
    const res = await upload(tokenA, await picture().jpeg().toBuffer()).expect(201);
    const other = await read(tokenB, res.body.url).expect(404);
    const unknown = await read(tokenB, `/api/files/${'0'.repeat(32)}`).expect(404);
    expect(JSON.parse(other.body.toString()).code).toBe(JSON.parse(unknown.body.toString()).code);
    await read(tokenB, res.body.thumbUrl).expect(404);
    await read(tokenB, '/api/files/..%2f..%2fetc%2fpasswd').expect(404);
    await ctx.http().get(res.body.url).expect(401);
  });

  it('an unknown purpose and a request without a file are refused plainly', async () => {
    const jpeg = await picture().jpeg().toBuffer();
    expect((await upload(tokenA, jpeg, 'a.jpg', 'mall_product').expect(400)).body.code).toBe('FILE_PURPOSE_UNKNOWN');
    const none = await ctx
      .http()
      .post('/api/files')
      .set('Authorization', `Bearer ${tokenA}`)
      .field('purpose', 'personal')
      .expect(400);
    expect(none.body.code).toBe('FILE_REQUIRED');
  });

  it('the daily limit is counted in the database, also for simultaneous uploads: then 429 FILE_DAILY_LIMIT', async () => {
    const token = (await ctx.loginWechat('wangjianguo')).accessToken;
    const jpeg = await picture(64, 64).jpeg().toBuffer();
    const results = await Promise.all(Array.from({ length: 15 }, () => upload(token, jpeg)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(12);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.body).toMatchObject({ code: 'FILE_DAILY_LIMIT', message: expect.stringContaining('明天') });
    // a second instance on the same database sees the same count
    if (E2E_DB === 'mysql') {
      const second = await createTestApp({ UPLOAD_MAX_FILES_PER_DAY: '12' }, { sameDatabaseAs: ctx });
      const again = await second
        .http()
        .post('/api/files')
        .set('Authorization', `Bearer ${token}`)
        .field('purpose', 'personal')
        .attach('file', jpeg, 'x.jpg')
        .expect(429);
      expect(again.body.code).toBe('FILE_DAILY_LIMIT');
      await second.close();
    }
  });
});
