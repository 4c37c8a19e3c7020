import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import {
  applicationBody,
  atOnce,
  makeIdNumber,
  newApplicant,
  recordClearCheck,
  staffToken,
} from './support/application-factories.js';

const HEADER = '姓名,身份证号,保安员证号,所属单位,是否持证';
/** 孙丽, on the roster of 马鞍山华宇物业管理有限公司 (解放路派出所, 花山分局) in the demo data. */
const SUN_LI = '340504198811204021';

interface ZipEntry {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  crc: number;
  /** What the central directory and local header declare. */
  size: number;
  /** Entries with the same `shareWith` reuse that entry's local header and data (a smaller bomb). */
  shareWith?: number;
}

/** A zip written byte by byte (local headers, central directory, end record), so a test can make it lie. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    if (e.shareWith !== undefined) {
      offsets[i] = offsets[e.shareWith];
      return;
    }
    const name = Buffer.from(e.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(name.length, 26);
    offsets[i] = offset;
    locals.push(h, name, e.data);
    offset += h.length + name.length + e.data.length;
  });
  const central: Buffer[] = [];
  let centralSize = 0;
  entries.forEach((e, i) => {
    const name = Buffer.from(e.name);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offsets[i], 42);
    central.push(c, name);
    centralSize += c.length + name.length;
  });
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

describe('Roster security (e2e)', () => {
  let ctx: TestContext;
  let station: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    station = await staffToken(ctx, 'pinghu_station');
  });
  afterAll(() => ctx.close());

  const upload = (buf: Buffer, token = station, name = 'roster.csv') =>
    ctx
      .http()
      .post('/api/admin/roster/import')
      .set(...bearer(token))
      .attach('file', buf, name);
  const csv = (rows: string[]) => Buffer.from(`${HEADER}\n${rows.join('\n')}\n`);
  const guardRow = async (idNumber: string) => {
    const { PiiCipher } = await import('../src/common/pii/pii-cipher.js');
    const hash = ctx.app.get(PiiCipher).hash('id_number', idNumber);
    const [row] = await ctx.dataSource.query(
      'SELECT r.id, r.companyId, r.certified, r.name, c.name AS companyName FROM roster_guards r JOIN companies c ON c.id = r.companyId WHERE r.idHash = ?',
      [hash],
    );
    return row as
      { id: number; companyId: number; certified: number | boolean; name: string; companyName: string } | undefined;
  };
  const auditOf = async (token: string, action: string) =>
    (
      await ctx
        .http()
        .get(`/api/admin/audit-logs?action=${action}&targetType=roster&pageSize=100`)
        .set(...bearer(token))
        .expect(200)
    ).body.items as {
      targetId: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }[];

  describe("an import changes only rows of companies in the importer's scope", () => {
    it("a station officer naming another branch's guard gets a row error that reveals nothing, and the whole file applies nothing", async () => {
      const before = await guardRow(SUN_LI);
      expect(before).toMatchObject({ companyName: '马鞍山华宇物业管理有限公司' });
      const fresh = makeIdNumber('19820303', 611);
      const res = await upload(
        csv([`新人,${fresh},,皖安保安服务有限公司,是`, `孙丽,${SUN_LI},WA-HACK,皖安保安服务有限公司,否`]),
      );
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ROSTER_IMPORT_INVALID');
      expect(res.body.details.errors).toEqual([
        {
          row: 3,
          column: '身份证号',
          problem: 'HELD_ELSEWHERE',
          message: '该人员已登记在其他辖区单位，请联系所在派出所',
        },
      ]);
      // nothing else is said: no company, station or branch
      expect(res.body.details).toEqual({ errors: res.body.details.errors, badRows: 1, totalRows: 2 });
      for (const secret of ['华宇', '花山', '解放路', 'JFL']) expect(JSON.stringify(res.body)).not.toContain(secret);
      // nothing moved, nothing flipped, and the good row was not applied either
      expect(await guardRow(SUN_LI)).toEqual(before);
      expect(await guardRow(fresh)).toBeUndefined();
      // the owning station still lists her
      const jfl = await staffToken(ctx, 'jiefang_station');
      const list = await ctx
        .http()
        .get('/api/admin/roster?q=孙丽')
        .set(...bearer(jfl))
        .expect(200);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({ certified: true, company: { name: '马鞍山华宇物业管理有限公司' } });
    });

    it('an .xlsx naming her is refused the same way', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('保安员');
      ws.addRow(['姓名', '身份证号', '保安员证号', '所属单位', '是否持证']);
      ws.addRow(['孙丽', SUN_LI, '', '91340500MA2N1WAA0F', '是']);
      const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), station, 'r.xlsx');
      expect(res.status).toBe(422);
      expect(res.body.details.errors[0]).toMatchObject({ row: 2, problem: 'HELD_ELSEWHERE' });
    });

    it('a change by a higher unit is audited where the owning station reads its log', async () => {
      const city = await staffToken(ctx, 'city');
      const jfl = await staffToken(ctx, 'jiefang_station');
      const row = (await guardRow(SUN_LI))!;
      const res = await upload(csv([`孙丽,${SUN_LI},HY-2020-01120,马鞍山华宇物业管理有限公司,否`]), city);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 1, created: 0, updated: 1 });
      const changes = await auditOf(jfl, 'roster.guard.change');
      const entry = changes.find((a) => a.targetId === String(row.id));
      expect(entry).toMatchObject({ before: { certified: true }, after: { certified: false } });
      expect(JSON.stringify(entry)).not.toContain(SUN_LI);
      const imports = await auditOf(jfl, 'roster.import');
      expect(imports.some((a) => (a.after as { here?: { changed?: number } })?.here?.changed === 1)).toBe(true);
      // another branch's station does not see it
      expect((await auditOf(station, 'roster.guard.change')).some((a) => a.targetId === String(row.id))).toBe(false);
      // put her back as the demo has her
      await upload(csv([`孙丽,${SUN_LI},HY-2020-01120,马鞍山华宇物业管理有限公司,是`]), city).expect(200);
    });

    it('created rows are audited for their station', async () => {
      const id = makeIdNumber('19830404', 621);
      const res = await upload(csv([`审计新人,${id},,皖安保安服务有限公司,是`])).expect(200);
      expect(res.body).toMatchObject({ created: 1, updated: 0 });
      const guard = (await guardRow(id))!;
      const imports = await auditOf(await staffToken(ctx, 'yushan_branch'), 'roster.import');
      expect(
        imports.some((a) =>
          ((a.after as { here?: { createdIds?: number[] } })?.here?.createdIds ?? []).includes(guard.id),
        ),
      ).toBe(true);
    });

    it('a company move by the branch is audited at both stations; the old station can then neither see nor take the row back', async () => {
      const branch = await staffToken(ctx, 'yushan_branch');
      const yushanStation = await staffToken(ctx, 'yushan_station');
      const company = await ctx
        .http()
        .post('/api/admin/companies')
        .set(...bearer(branch))
        .send({
          name: '雨山测试保安服务有限公司',
          type: 'security_company',
          creditCode: '91350100M000100Y43',
          homeStationId: (await ctx.org('MAS-YS-YS')).id,
        })
        .expect(201);
      const id = makeIdNumber('19860707', 641);
      await upload(csv([`调动人,${id},,皖安保安服务有限公司,是`])).expect(200);
      const guard = (await guardRow(id))!;
      const moved = await upload(csv([`调动人,${id},,${company.body.creditCode},是`]), branch).expect(200);
      expect(moved.body).toMatchObject({ created: 0, updated: 1 });
      expect((await guardRow(id))!.companyId).toBe(company.body.id);
      for (const token of [station, yushanStation]) {
        const entry = (await auditOf(token, 'roster.guard.change')).find((a) => a.targetId === String(guard.id));
        expect(entry).toMatchObject({ before: { companyId: guard.companyId }, after: { companyId: company.body.id } });
      }
      const back = await upload(csv([`调动人,${id},,皖安保安服务有限公司,是`]));
      expect(back.status).toBe(422);
      expect(back.body.details.errors[0]).toMatchObject({ row: 2, problem: 'HELD_ELSEWHERE' });
    });

    it('five overlapping imports at once report created/updated counts that add up', async () => {
      const ids = Array.from({ length: 40 }, (_, i) => makeIdNumber('19840505', 700 + i * 2));
      // file k holds ids [8k, 8k + 16): each id is in one or two files
      const files = Array.from({ length: 5 }, (_, k) => ids.slice(8 * k, 8 * k + 16));
      const results = await atOnce(
        files.map((f, k) => () => upload(csv(f.map((id, j) => `并发${k}-${j},${id},,皖安保安服务有限公司,是`)))),
      );
      for (const r of results) expect(r.status).toBe(200);
      const created = results.reduce((n, r) => n + r.body.created, 0);
      const updated = results.reduce((n, r) => n + r.body.updated, 0);
      expect(created).toBe(new Set(files.flat()).size);
      expect(updated).toBe(files.flat().length - created);
      results.forEach((r, k) => expect(r.body.created + r.body.updated).toBe(files[k].length));
      for (const id of ids) expect(await guardRow(id)).toBeDefined();
    });
  });

  describe('zip bombs are refused before anything is inflated', () => {
    let zeros: { data: Buffer; crc: number; size: number };
    beforeAll(() => {
      const size = 256 * 1024 * 1024;
      const plain = Buffer.alloc(size);
      zeros = { data: deflateRawSync(plain, { level: 9 }), crc: crc32(plain), size };
    });

    it('an .xlsx declaring 2 GB in a few hundred KB gets 400, and /api/health answers meanwhile', async () => {
      const entries: ZipEntry[] = [{ name: '[Content_Types].xml', ...zeros }];
      for (let i = 1; i < 8; i++) entries.push({ name: `xl/worksheets/sheet${i}.xml`, ...zeros, shareWith: 0 });
      const bomb = zip(entries);
      expect(bomb.length).toBeLessThan(600 * 1024);
      const [refused, health] = await Promise.all([
        upload(bomb, station, 'roster.xlsx'),
        ctx.http().get('/api/health'),
      ]);
      expect(health.status).toBe(200);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('ROSTER_FILE_UNPACKED_TOO_LARGE');
    });

    it('an entry that inflates to more than its directory declares is stopped too', async () => {
      const liar = zip([{ name: 'xl/worksheets/sheet1.xml', data: zeros.data, crc: zeros.crc, size: 1000 }]);
      const res = await upload(liar, station, 'roster.xlsx');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('ROSTER_FILE_UNPACKED_TOO_LARGE');
    });

    it('too many entries', async () => {
      const small = Buffer.from('<x/>');
      const entry = { data: deflateRawSync(small), crc: crc32(small), size: small.length };
      const res = await upload(
        zip(Array.from({ length: 1000 }, (_, i) => ({ name: `f${i}.xml`, ...entry }))),
        station,
        'roster.xlsx',
      );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'ROSTER_FILE_UNPACKED_TOO_LARGE', details: { entries: 1000 } });
    });
  });

  describe('four eyes on a green application', () => {
    it('whoever last imported the roster row cannot approve its green application alone; someone else can', async () => {
      const id = makeIdNumber('19850606', 631);
      await upload(csv([`绿色新人,${id},WA-G-1,皖安保安服务有限公司,是`])).expect(200);
      const applicant = await newApplicant(ctx, 'green-four-eyes');
      const company = (
        await ctx
          .http()
          .get('/api/companies?q=皖安')
          .set(...bearer(applicant.token))
          .expect(200)
      ).body[0];
      const site = company.sites.find((s: { name: string }) => s.name === '雨山湖公园驻勤点');
      const app = await ctx
        .http()
        .post('/api/applications')
        .set(...bearer(applicant.token))
        .send(
          applicationBody(ctx, {
            name: '绿色新人',
            idNumber: id,
            occupation: 'security_guard',
            companyId: company.id,
            siteId: site.id,
          }),
        )
        .expect(201);
      expect(app.body.green).toBe(true);
      await recordClearCheck(ctx, station, app.body.id);
      const mine = await ctx
        .http()
        .post(`/api/admin/applications/${app.body.id}/approve`)
        .set(...bearer(station));
      expect(mine.status).toBe(403);
      expect(mine.body.code).toBe('REVIEW_ROSTER_CHANGED_BY_SELF');
      const other = await ctx
        .http()
        .post(`/api/admin/applications/${app.body.id}/approve`)
        .set(...bearer(await staffToken(ctx, 'yushan_branch')))
        .expect(200);
      expect(other.body.status).toBe('approved');
    });
  });
});
