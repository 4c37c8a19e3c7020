import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import type { Clock } from '../../common/clock/clock.js';
import type { StorageConfig } from '../../config/storage.config.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { FilePurposes, FileReadPolicy, type FileFacts } from './file-purposes.js';
import { LocalDiskStorage } from './file-storage.js';
import { StoredFile } from './stored-file.entity.js';
import { UploadQuota } from './upload-quota.js';
import { UploadsService } from './uploads.service.js';

const person = (userId: number): Actor => ({
  userId,
  displayName: `用户${userId}`,
  openid: `o-${userId}`,
  staffRoles: [],
  roles: [],
  orgUnitId: null,
  orgPath: null,
  isStaff: false,
  ip: null,
});

/** A purpose as the tips module would register it: the submitter and one officer (user 99) read attached photos. */
class TipPhotoPolicy extends FileReadPolicy {
  readonly purpose = 'tip_photo';
  readonly kind = 'image' as const;
  canRead(actor: Actor, file: FileFacts): boolean {
    return actor.userId === file.ownerUserId || (actor.userId === 99 && file.attachedTo === 'tip:1');
  }
}

describe(UploadsService.name, () => {
  let ds: DataSource;
  let dir: string;
  let storage: LocalDiskStorage;
  const purposes = new FilePurposes();
  purposes.register(new TipPhotoPolicy());
  // 23:30 on 30 November in Shanghai; 31 minutes later it is 1 December there
  const clock = clockAt('2026-11-30T15:30:00Z');
  const config = (over: Partial<StorageConfig> = {}): StorageConfig => ({
    driver: 'local',
    localDir: dir,
    maxImageBytes: 1024 * 1024,
    maxFilesPerDay: 3,
    ...over,
  });
  const sut = (c: Clock = clock, cfg = config()) =>
    new UploadsService(ds, c, storage, purposes, new UploadQuota(ds, c, cfg), cfg);
  const jpeg = (width = 400) =>
    sharp({ create: { width, height: 300, channels: 3, background: '#36c' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'UnitCam' } })
      .toBuffer();

  beforeAll(async () => {
    ds = await unitDataSource();
    dir = mkdtempSync(path.join(tmpdir(), 'jh-uploads-'));
    storage = new LocalDiskStorage(path.join(dir, 'uploads'));
  });
  afterAll(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the re-encoded picture and its thumbnail under a random id, never under the given name', async () => {
    const res = await sut().accept(person(1), {
      purpose: 'personal',
      filename: '../../x.jpg',
      bytes: await jpeg(3000),
    });
    expect(res).toMatchObject({ width: 2048, height: 205, url: `/api/files/${res.id}` });
    const row = await ds.getRepository(StoredFile).findOneByOrFail({ id: res.id });
    expect(row).toMatchObject({ ownerUserId: 1, purpose: 'personal', mime: 'image/jpeg', sourceMime: 'image/jpeg' });
    expect(row.attachedTo).toBeNull();
    const stored = await storage.get(res.id);
    expect(stored!.length).toBe(row.bytes);
    expect((await sharp(stored!).metadata()).exif).toBeUndefined();
    expect((await sharp((await storage.get(`${res.id}.thumb`))!).metadata()).width).toBe(320);
    expect(readdirSync(path.join(dir, 'uploads')).sort()).toEqual([res.id, `${res.id}.thumb`].sort());
  });

  it('refuses an unknown purpose, an empty or oversize file and a type the purpose does not take', async () => {
    const s = sut(clock, config({ maxImageBytes: 2000 }));
    const actor = person(2);
    expect(await code(s.accept(actor, { purpose: 'mall', bytes: await jpeg() }))).toBe('FILE_PURPOSE_UNKNOWN');
    expect(await code(s.accept(actor, { purpose: 'personal', bytes: Buffer.alloc(0) }))).toBe('FILE_REQUIRED');
    expect(await code(s.accept(actor, { purpose: 'personal', bytes: Buffer.alloc(2001, 1) }))).toBe('FILE_TOO_LARGE');
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary');
    expect(await code(s.accept(actor, { purpose: 'personal', bytes: gif }))).toBe('FILE_TYPE_NOT_ALLOWED');
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    expect(await code(s.accept(actor, { purpose: 'personal', bytes: pdf }))).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses a picture libvips cannot decode whole, and stores nothing for it', async () => {
    const before = readdirSync(path.join(dir, 'uploads')).length;
    const good = await jpeg();
    const broken = Buffer.concat([good.subarray(0, 200), Buffer.alloc(300, 0)]);
    expect(await code(sut().accept(person(3), { purpose: 'personal', bytes: broken }))).toBe('FILE_UNREADABLE');
    expect(readdirSync(path.join(dir, 'uploads'))).toHaveLength(before);
  });

  it('counts uploads per Shanghai business day: the limit holds until midnight there, not in UTC', async () => {
    const actor = person(4);
    const bytes = await jpeg(100);
    for (let i = 0; i < 3; i++) await sut().accept(actor, { purpose: 'personal', bytes });
    expect(await code(sut().accept(actor, { purpose: 'personal', bytes }))).toBe('FILE_DAILY_LIMIT');
    // 16:01 UTC is still 30 November in UTC but already 1 December in Shanghai
    expect(await code(sut(clockAt('2026-11-30T16:01:00Z')).accept(actor, { purpose: 'personal', bytes }))).toBe('ok');
  });

  it("only the uploader reads an unattached file; once attached, the purpose's policy decides; others get 404", async () => {
    const s = sut();
    const owner = person(5);
    const up = await s.accept(owner, { purpose: 'tip_photo', bytes: await jpeg() });
    expect(await code(s.read(owner, up.id, 'main'))).toBe('ok');
    expect(await code(s.read(person(99), up.id, 'main'))).toBe('NOT_FOUND');
    expect(await code(s.read(owner, '../../etc/passwd', 'main'))).toBe('NOT_FOUND');

    // only the uploader's own file of that purpose can be attached, and only once
    const target = { id: up.id, ownerUserId: 6, purpose: 'tip_photo', attachedTo: 'tip:1' };
    expect(await code(s.attach(null, target))).toBe('NOT_FOUND');
    expect(await code(s.attach(null, { ...target, ownerUserId: 5, purpose: 'personal' }))).toBe('NOT_FOUND');
    expect(await s.attach(null, { ...target, ownerUserId: 5 })).toMatchObject({ attachedTo: 'tip:1' });
    expect(await code(s.attach(null, { ...target, ownerUserId: 5, attachedTo: 'tip:2' }))).toBe(
      'FILE_ALREADY_ATTACHED',
    );

    const read = await s.read(person(99), up.id, 'thumb');
    expect(read).toMatchObject({ mime: 'image/jpeg', downloadName: `${up.id}-thumb.jpg` });
    read.stream.destroy();
    expect(await code(s.read(person(7), up.id, 'main'))).toBe('NOT_FOUND');

    await s.discard(up.id);
    expect(await code(s.read(owner, up.id, 'main'))).toBe('NOT_FOUND');
    expect(await storage.exists(up.id)).toBe(false);
  });

  it('a purpose is registered once; a second policy for it is a programming error', () => {
    expect(() => purposes.register(new TipPhotoPolicy())).toThrow(/twice/);
    expect(purposes.find('personal')?.kind).toBe('image');
  });
});
