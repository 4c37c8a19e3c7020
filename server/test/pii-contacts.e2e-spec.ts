import { DataSource } from 'typeorm';
import { E2E_DB, bearer, createTestApp, type TestContext } from './support/test-app.js';
import { recordClearCheck, staffToken, submitted } from './support/application-factories.js';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';
import { HASHED_PII_COLUMNS } from '../src/common/pii/pii-backfill.js';
import { loadConfig } from '../src/config/configuration.js';
import { dataSourceOptions, ensureMysqlDatabase } from '../src/database/data-source.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';

const ENCRYPTED = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const CONTACTS = [
  { name: '李秀英', relation: '配偶', phone: '13955501234' },
  { name: '张小明', relation: '儿子', phone: '13655504321' },
];

/** Emergency contacts' phones and the keyed hash of every stored phone and ID number (docs/product.md#personal-data, #roles-and-org-scope). */
describe('Personal data: emergency contacts and keyed hashes (e2e)', () => {
  let ctx: TestContext;
  let pii: PiiCipher;
  let station: string;
  let zhangId: number;
  beforeAll(async () => {
    ctx = await createTestApp();
    pii = ctx.app.get(PiiCipher);
    station = await staffToken(ctx, 'pinghu_station');
    zhangId = (await ctx.dataSource.query("SELECT id FROM volunteers WHERE memberNo = 'MAS2026000001'"))[0].id;
  });
  afterAll(() => ctx.close());

  const get = (url: string, token: string) =>
    ctx
      .http()
      .get(url)
      .set(...bearer(token));
  const post = (url: string, token: string, body: object = {}) =>
    ctx
      .http()
      .post(url)
      .set(...bearer(token))
      .send(body);
  const patch = (url: string, token: string, body: object) =>
    ctx
      .http()
      .put(url)
      .set(...bearer(token))
      .send(body);

  it('emergency-contact phones are encrypted at rest with their keyed hash and masked in every response', async () => {
    const edited = await patch(`/api/admin/volunteers/${zhangId}`, station, { contacts: CONTACTS }).expect(200);
    const masked = [
      { name: '李秀英', relation: '配偶', phone: '139****1234' },
      { name: '张小明', relation: '儿子', phone: '136****4321' },
    ];
    expect(edited.body.contacts).toEqual(masked);
    expect((await get(`/api/admin/volunteers/${zhangId}`, station).expect(200)).body.contacts).toEqual(masked);

    const [row] = await ctx.dataSource.query('SELECT * FROM volunteers WHERE id = ?', [zhangId]);
    const dump = JSON.stringify(row);
    // not the number, nor its digits after the prefix (no partial plaintext either)
    for (const c of CONTACTS)
      expect([c.phone, dump.includes(c.phone), dump.includes(c.phone.slice(3))]).toEqual([c.phone, false, false]);
    const stored = JSON.parse(row.contacts);
    expect(stored).toEqual(
      CONTACTS.map((c) => ({
        name: c.name,
        relation: c.relation,
        phoneEnc: expect.stringMatching(ENCRYPTED),
        phoneHash: pii.hash('phone', c.phone),
      })),
    );
    expect(stored.map((s: { phoneEnc: string }) => pii.decrypt(s.phoneEnc))).toEqual(CONTACTS.map((c) => c.phone));
    // the edit's audit entry names the change, never the numbers
    const audit = JSON.stringify(await ctx.dataSource.query('SELECT * FROM audit_logs'));
    for (const c of CONTACTS) expect(audit).not.toContain(c.phone);
  });

  it('a contact phone is revealed in full only through the audited reveal, with the right and within scope', async () => {
    const res = await post(`/api/admin/volunteers/${zhangId}/reveal`, station, {
      field: 'contactPhone',
      contact: 1,
    }).expect(200);
    expect(res.body).toEqual({ field: 'contactPhone', value: '13655504321' });
    const logs = await get('/api/admin/audit-logs?action=pii.reveal&targetType=volunteer', station).expect(200);
    expect(logs.body.items[0]).toMatchObject({
      action: 'pii.reveal',
      targetType: 'volunteer',
      targetId: String(zhangId),
      actorName: expect.any(String),
      after: { field: 'contactPhone', contact: 1, contactName: '张小明', relation: '儿子' },
    });
    expect(JSON.stringify(logs.body)).not.toContain('13655504321');

    expect(
      (await post(`/api/admin/volunteers/${zhangId}/reveal`, station, { field: 'contactPhone' }).expect(400)).body,
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    await post(`/api/admin/volunteers/${zhangId}/reveal`, station, { field: 'contactPhone', contact: 9 }).expect(400);
    await post(`/api/admin/volunteers/${zhangId}/reveal`, station, { field: 'contactPhone', contact: 4 }).expect(404);
    await post(`/api/admin/volunteers/${zhangId}/reveal`, await staffToken(ctx, 'jiefang_station'), {
      field: 'contactPhone',
      contact: 0,
    }).expect(404);
    await post(`/api/admin/volunteers/${zhangId}/reveal`, await staffToken(ctx, 'pinghu_community'), {
      field: 'contactPhone',
      contact: 0,
    }).expect(403);
    // the refused attempts revealed nothing and were not logged as reveals
    const after = await get('/api/admin/audit-logs?action=pii.reveal&targetType=volunteer', station).expect(200);
    expect(after.body.total).toBe(logs.body.total);
  });

  it('every stored phone and ID number has its keyed hash, equal to PiiCipher.hash of the value', async () => {
    const branch = await staffToken(ctx, 'yushan_branch');
    const app = await submitted(ctx, 'hash-applicant');
    await recordClearCheck(ctx, station, app.id);
    await post(`/api/admin/applications/${app.id}/approve`, station).expect(200);
    await post(`/api/admin/applications/${app.id}/approve`, branch).expect(200);
    const [company] = await ctx.dataSource.query('SELECT id FROM companies ORDER BY id LIMIT 1');
    await patch(`/api/admin/companies/${company.id}`, await staffToken(ctx, 'city'), {
      contactPhone: '13955507777',
    }).expect(200);

    for (const c of HASHED_PII_COLUMNS) {
      const rows: Record<string, string | null>[] = await ctx.dataSource.query(
        `SELECT \`${c.enc}\` AS enc, \`${c.hash}\` AS hash FROM \`${c.table}\` WHERE \`${c.enc}\` IS NOT NULL`,
      );
      expect([c.table, c.enc, rows.length > 0]).toEqual([c.table, c.enc, true]);
      for (const r of rows)
        expect([c.table, c.hash, r.hash]).toEqual([c.table, c.hash, pii.hash(c.kind, pii.decrypt(r.enc!))]);
    }
    // the hash is what finds a volunteer by a whole phone or ID number
    const [v] = await ctx.dataSource.query('SELECT id, phoneEnc FROM volunteers WHERE applicationId = ?', [app.id]);
    const phone = pii.decrypt(v.phoneEnc);
    const byPhone = await get(`/api/admin/volunteers?q=${phone}`, station).expect(200);
    expect(byPhone.body.items.map((i: { id: number }) => i.id)).toEqual([v.id]);
    const byId = await get(`/api/admin/volunteers?q=${app.body.idNumber}`, station).expect(200);
    expect(byId.body.items.map((i: { id: number }) => i.id)).toEqual([v.id]);
  });

  it('rows written before the rule are sealed and hashed when the server starts', async () => {
    await ctx.dataSource.query('UPDATE volunteers SET contacts = ?, phoneHash = NULL WHERE id = ?', [
      JSON.stringify([{ name: '王芳', relation: '母亲', phone: '13955508888' }]),
      zhangId,
    ]);
    await ctx.dataSource.query('UPDATE applications SET phoneHash = NULL');
    await ctx.dataSource.query('UPDATE companies SET contactPhoneHash = NULL');
    // still readable, masked, before the restart
    expect((await get(`/api/admin/volunteers/${zhangId}`, station).expect(200)).body.contacts).toEqual([
      { name: '王芳', relation: '母亲', phone: '139****8888' },
    ]);

    // a second server start on the same database (the embedded file, or the MySQL database)
    const restarted =
      E2E_DB === 'mysql'
        ? await createTestApp({}, { sameDatabaseAs: ctx })
        : await createTestApp({ DATA_DIR: ctx.config.app.dataDir });
    try {
      const [row] = await ctx.dataSource.query('SELECT contacts FROM volunteers WHERE id = ?', [zhangId]);
      expect(row.contacts).not.toContain('13955508888');
      expect(JSON.parse(row.contacts)).toEqual([
        {
          name: '王芳',
          relation: '母亲',
          phoneEnc: expect.stringMatching(ENCRYPTED),
          phoneHash: pii.hash('phone', '13955508888'),
        },
      ]);
      for (const c of HASHED_PII_COLUMNS) {
        const [{ n }] = await ctx.dataSource.query(
          `SELECT COUNT(*) AS n FROM \`${c.table}\` WHERE \`${c.enc}\` IS NOT NULL AND \`${c.hash}\` IS NULL`,
        );
        expect([c.table, c.hash, Number(n)]).toEqual([c.table, c.hash, 0]);
      }
      const reveal = await post(`/api/admin/volunteers/${zhangId}/reveal`, station, {
        field: 'contactPhone',
        contact: 0,
      }).expect(200);
      expect(reveal.body.value).toBe('13955508888');
    } finally {
      await restarted.close();
    }
  });
});

/** The MySQL upgrade: rows stored at the previous migration level come out sealed and hashed. */
(E2E_DB === 'mysql' ? describe : describe.skip)('Migration PiiKeyedHashes (MySQL)', () => {
  const MIGRATION = 'PiiKeyedHashes1795999090842';
  const b64 = (n: number) => Buffer.alloc(32, n).toString('base64');
  // keys as production sets them: an older key still in use for old rows, a newer active one
  const keyEnv = { PII_KEYS: `old:${b64(41)},cur:${b64(42)}`, PII_ACTIVE_KEY: 'cur', PII_HASH_KEY: b64(43) };
  const database = `${process.env.MYSQL_DATABASE ?? 'test'}_e2e_${process.pid}_pii_migration`;
  const config = loadConfig({
    NODE_ENV: 'test',
    MYSQL_HOST: process.env.MYSQL_HOST ?? '127.0.0.1',
    MYSQL_PORT: process.env.MYSQL_PORT ?? '3306',
    MYSQL_USER: process.env.MYSQL_USER ?? 'root',
    MYSQL_PASSWORD: process.env.MYSQL_PASSWORD ?? '',
    MYSQL_DATABASE: database,
    DB_SYNC: 'false',
    ...keyEnv,
  });
  const oldCipher = new PiiCipher({ ...config.pii, activeKeyId: 'old' });
  const cipher = new PiiCipher(config.pii);
  const saved: Record<string, string | undefined> = {};

  async function dropDatabase() {
    const mysql = await import('mysql2/promise');
    const db = config.database;
    if (db.type !== 'mysql') return;
    const conn = await mysql.createConnection({
      host: db.host,
      port: db.port,
      user: db.user,
      password: db.password,
    });
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
  }
  beforeAll(async () => {
    await dropDatabase();
    await ensureMysqlDatabase(config.database);
    for (const [k, v] of Object.entries(keyEnv)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await dropDatabase();
  });

  it('encrypts plaintext emergency-contact phones and back-fills every keyed hash', async () => {
    const index = MIGRATIONS.findIndex((m) => m.name === MIGRATION);
    expect(index).toBeGreaterThan(0);
    const previous = new DataSource({
      ...dataSourceOptions(config.database),
      migrations: MIGRATIONS.slice(0, index),
      migrationsRun: false,
    } as never);
    await previous.initialize();
    try {
      await previous.runMigrations();
      const now = new Date();
      const q = (sql: string, params: unknown[]) => previous.query(sql, params);
      await q(
        "INSERT INTO org_units (code, name, level, path, createdAt) VALUES ('T', '测试所', 'station', '/1/', ?)",
        [now],
      );
      const [{ id: orgId }] = await q("SELECT id FROM org_units WHERE code = 'T'", []);
      await q(
        "INSERT INTO users (displayName, phoneEnc, phoneHash, roles, createdAt, updatedAt) VALUES ('甲', ?, NULL, '[]', ?, ?)",
        [oldCipher.encrypt('13955502001'), now, now],
      );
      const contacts = JSON.stringify([
        { name: '王芳', relation: '母亲', phone: '13955502002' },
        { name: '赵强', relation: '兄弟', phone: '13655502003' },
      ]);
      await q(
        "INSERT INTO volunteers (userId, memberNo, skills, joinedAt, createdAt, idEnc, idHash, phoneEnc, contacts) VALUES (1, 'T0001', '[]', ?, ?, ?, NULL, ?, ?)",
        [now, now, oldCipher.encrypt('340504197205141038'), cipher.encrypt('13955502004'), contacts],
      );
      await q(
        `INSERT INTO applications (userId, status, name, idEnc, idHash, birthDate, sex, phoneEnc, occupation, stationId, assignmentRule, reviewOrgUnitId, orgPath, skills, declarations, agreementVersion, agreementSignedAt, steps, submittedAt, createdAt, updatedAt)
         VALUES (1, 'approved', '甲', ?, ?, '1972-05-14', 'male', ?, 'courier', ?, 'residence', ?, '/1/', '[]', '{}', '2022.1', ?, '[]', ?, ?, ?)`,
        [
          oldCipher.encrypt('340504197205141038'),
          cipher.hash('id_number', '340504197205141038'),
          oldCipher.encrypt('13955502005'),
          orgId,
          orgId,
          now,
          now,
          now,
          now,
        ],
      );
      await q(
        "INSERT INTO companies (name, type, creditCode, homeStationId, contactPhoneEnc, equipment, createdAt, updatedAt) VALUES ('测试公司', 'security_company', '91340500MA2T00001X', ?, ?, '{}', ?, ?)",
        [orgId, oldCipher.encrypt('13955502006'), now, now],
      );
    } finally {
      await previous.destroy();
    }

    const upgraded = new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false } as never);
    await upgraded.initialize();
    try {
      await upgraded.runMigrations();
      const [v] = await upgraded.query("SELECT * FROM volunteers WHERE memberNo = 'T0001'");
      for (const phone of ['13955502002', '13655502003']) expect(JSON.stringify(v)).not.toContain(phone);
      const sealed = JSON.parse(v.contacts);
      expect(sealed).toEqual([
        {
          name: '王芳',
          relation: '母亲',
          phoneEnc: expect.stringMatching(/^cur\./),
          phoneHash: cipher.hash('phone', '13955502002'),
        },
        {
          name: '赵强',
          relation: '兄弟',
          phoneEnc: expect.stringMatching(/^cur\./),
          phoneHash: cipher.hash('phone', '13655502003'),
        },
      ]);
      expect(sealed.map((c: { phoneEnc: string }) => cipher.decrypt(c.phoneEnc))).toEqual([
        '13955502002',
        '13655502003',
      ]);
      expect(v.phoneHash).toBe(cipher.hash('phone', '13955502004'));
      expect(v.idHash).toBe(cipher.hash('id_number', '340504197205141038'));
      const [u] = await upgraded.query("SELECT phoneHash FROM users WHERE displayName = '甲'");
      expect(u.phoneHash).toBe(cipher.hash('phone', '13955502001'));
      const [a] = await upgraded.query('SELECT phoneHash FROM applications');
      expect(a.phoneHash).toBe(cipher.hash('phone', '13955502005'));
      const [c] = await upgraded.query('SELECT contactPhoneHash FROM companies');
      expect(c.contactPhoneHash).toBe(cipher.hash('phone', '13955502006'));
    } finally {
      await upgraded.destroy();
    }
  });
});
