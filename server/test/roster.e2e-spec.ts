import ExcelJS from 'exceljs';
import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { makeIdNumber, staffToken } from './support/application-factories.js';

const HEADER = '姓名,身份证号,保安员证号,所属单位,是否持证';

describe('Roster import (e2e)', () => {
  let ctx: TestContext;
  let station: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    station = await staffToken(ctx, 'pinghu_station');
  });
  afterAll(() => ctx.close());

  const upload = (buf: Buffer, name = 'roster.csv', token = station) =>
    ctx
      .http()
      .post('/api/admin/roster/import')
      .set(...bearer(token))
      .attach('file', buf, name);
  const count = async () => Number((await ctx.dataSource.query('SELECT COUNT(*) AS n FROM roster_guards'))[0].n);

  it('imports a CSV by company name or credit code, and a re-import updates instead of duplicating', async () => {
    const before = await count();
    const a = makeIdNumber('19800101', 101);
    const b = makeIdNumber('19810202', 102);
    const csv = `\uFEFF${HEADER}\n李一,${a},WA-1,皖安保安服务有限公司,是\n李二,${b},,91340500MA2N1WAA0F,否\n`;
    const first = await upload(Buffer.from(csv)).expect(200);
    expect(first.body).toMatchObject({ total: 2, created: 2, updated: 0 });
    expect(await count()).toBe(before + 2);
    const second = await upload(Buffer.from(`${HEADER}\n李一,${a},WA-1,皖安保安服务有限公司,否\n`)).expect(200);
    expect(second.body).toMatchObject({ total: 1, created: 0, updated: 1 });
    expect(await count()).toBe(before + 2);
    const list = await ctx
      .http()
      .get('/api/admin/roster?q=李一')
      .set(...bearer(station))
      .expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ certified: false, idNumberMasked: `340***********${a.slice(-4)}` });
  });

  it('an import with one bad row applies nothing and reports every bad row with its number and reason', async () => {
    const before = await count();
    const good = makeIdNumber('19750505', 201);
    const rows = [
      `王一,${good},WA-9,皖安保安服务有限公司,是`,
      `王二,34050419750505201X,,皖安保安服务有限公司,是`,
      `王三,${makeIdNumber('19760606', 202)},,不存在的公司,是`,
      `王四,${good},,皖安保安服务有限公司,是`,
      `,${makeIdNumber('19770707', 203)},,皖安保安服务有限公司,也许`,
    ];
    const res = await upload(Buffer.from(`${HEADER}\n${rows.join('\n')}\n`));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('ROSTER_IMPORT_INVALID');
    const problems = res.body.details.errors.map((e: { row: number; problem: string }) => `${e.row}:${e.problem}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        '3:ID_NUMBER_CHECK_DIGIT',
        '4:COMPANY_UNKNOWN',
        '5:DUPLICATE_IN_FILE',
        '6:NAME_MISSING',
        '6:CERTIFIED_INVALID',
      ]),
    );
    expect(res.body.details.errors.find((e: { row: number }) => e.row === 5)).toMatchObject({
      firstRow: 2,
      column: '身份证号',
    });
    expect(await count()).toBe(before);
  });

  it("a company outside the importer's scope is unknown to them", async () => {
    const res = await upload(
      Buffer.from(`${HEADER}\n赵一,${makeIdNumber('19790909', 301)},,马鞍山华宇物业管理有限公司,是\n`),
    );
    expect(res.body.details.errors[0]).toMatchObject({ row: 2, problem: 'COMPANY_UNKNOWN' });
  });

  it('reads .xlsx by its content, whatever the file name', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('保安员');
    ws.addRow(['序号', '姓名', '身份证号', '保安员证号', '所属单位', '是否持证']);
    ws.addRow([1, '钱一', makeIdNumber('19880808', 401), 'WA-88', '皖安保安服务有限公司', '是']);
    ws.addRow([2, '钱二', makeIdNumber('19890909', 402), '', '皖安保安服务有限公司', '否']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(buf, 'export.dat').expect(200);
    expect(res.body).toMatchObject({ total: 2, created: 2 });
  });

  it('refuses binary content that is neither xlsx nor text, a missing file, a missing column and an oversize file', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const bad = await upload(png, 'roster.xlsx');
    expect(bad.status).toBe(415);
    expect(bad.body.code).toBe('ROSTER_FILE_TYPE_UNSUPPORTED');
    const fakeZip = await upload(Buffer.from('PK\u0003\u0004garbage'), 'roster.xlsx');
    expect(fakeZip.body.code).toBe('ROSTER_FILE_UNREADABLE');
    const none = await ctx
      .http()
      .post('/api/admin/roster/import')
      .set(...bearer(station))
      .field('x', '1');
    expect(none.body.code).toBe('ROSTER_FILE_REQUIRED');
    const header = await upload(Buffer.from('姓名,身份证号\n张,1\n'));
    expect(header.body).toMatchObject({
      code: 'ROSTER_HEADER_MISSING',
      details: { missing: ['保安员证号', '所属单位', '是否持证'] },
    });
    const big = await upload(Buffer.alloc(11 * 1024 * 1024, 0x41));
    expect(big.status).toBe(413);
  });

  it('guards and community officers cannot import', async () => {
    const vol = await ctx.loginWechat('zhangwei');
    await upload(Buffer.from(HEADER), 'r.csv', vol.accessToken).expect(403);
    await upload(Buffer.from(HEADER), 'r.csv', await staffToken(ctx, 'pinghu_community')).expect(403);
  });

  it('imports 10,000 rows in one go (time printed, not asserted)', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
      const year = 1960 + (Math.floor(i / 336) % 40);
      lines.push(
        `保安${i},${makeIdNumber(`${year}${month}${day}`, Math.floor(i / 13440) * 10 + (i % 10) + 500)},WA-${i},皖安保安服务有限公司,${i % 3 ? '是' : '否'}`,
      );
    }
    const unique = new Set(lines.slice(1).map((l) => l.split(',')[1]));
    expect(unique.size).toBe(10_000);
    const started = Date.now();
    const res = await upload(Buffer.from(lines.join('\n')), 'big.csv').expect(200);
    const wall = Date.now() - started;
    expect(res.body).toMatchObject({ total: 10_000, created: 10_000 });
    console.log(
      `[roster import] 10,000 rows (${process.env.E2E_DB ?? 'sqlite'}): ${res.body.durationMs} ms in the service, ${wall} ms over HTTP`,
    );
    const again = Date.now();
    const second = await upload(Buffer.from(lines.join('\n')), 'big.csv').expect(200);
    expect(second.body).toMatchObject({ created: 0, updated: 10_000 });
    console.log(
      `[roster import] re-import of the same 10,000 rows (${process.env.E2E_DB ?? 'sqlite'}): ${second.body.durationMs} ms in the service, ${Date.now() - again} ms over HTTP`,
    );
  });
});
