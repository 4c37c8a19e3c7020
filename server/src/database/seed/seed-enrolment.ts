import type { EntityManager } from 'typeorm';
import type { PiiCipher } from '../../common/pii/pii-cipher.js';
import type { OrgUnit } from '../../modules/org/org-unit.entity.js';
import { User } from '../../modules/users/user.entity.js';
import { Volunteer } from '../../modules/volunteers/volunteer.entity.js';
import { Company } from '../../modules/companies/company.entity.js';
import { ServiceSite } from '../../modules/companies/service-site.entity.js';
import { RosterGuard } from '../../modules/roster/roster-guard.entity.js';
import { StationAssignment } from '../../modules/volunteers/station-assignment.entity.js';

/**
 * Demo companies, service sites and a small guard roster (docs/product.md#companies-and-roster), so a newcomer can walk the
 * application path: the demo visitor applying as 陈新 / 340504199008153012 matches a certified
 * guard and goes through the green channel. All ID numbers are fictitious with valid check digits.
 */
export const DEMO_COMPANIES = [
  {
    name: '皖安保安服务有限公司',
    type: 'security_company' as const,
    creditCode: '91340500MA2N1WAA0F',
    homeStation: 'MAS-YS-PH',
    manager: 'company',
    equipment: { 安检设备: 2, 盾牌: 10, 反恐叉: 4, 对讲机: 12 },
    sites: [
      {
        name: '雨山湖公园驻勤点',
        address: '雨山区湖东南路 1 号雨山湖公园',
        lat: 31.6628,
        lng: 118.5061,
        station: 'MAS-YS-PH',
      },
      // a guard sent across districts: this site lies in 花山分局's 解放路派出所
      { name: '解放路商业街驻勤点', address: '花山区解放路 88 号', lat: 31.6893, lng: 118.5112, station: 'MAS-HS-JFL' },
    ],
  },
  {
    name: '马鞍山华宇物业管理有限公司',
    type: 'property' as const,
    creditCode: '91340504MA2P7XKB1Q',
    homeStation: 'MAS-HS-JFL',
    manager: null,
    equipment: { 灭火器: 30 },
    sites: [
      {
        name: '湖东路小区物业中心',
        address: '花山区湖东路 120 号',
        lat: 31.6901,
        lng: 118.5139,
        station: 'MAS-HS-JFL',
      },
    ],
  },
];

export const DEMO_ROSTER = [
  { name: '陈新', idNumber: '340504199008153012', certificateNo: 'WA-2021-00815', certified: true, company: 0 },
  { name: '周强', idNumber: '340504198506121019', certificateNo: 'WA-2019-00612', certified: true, company: 0 },
  { name: '吴芳', idNumber: '340504197803052027', certificateNo: null, certified: false, company: 0 },
  { name: '张伟', idNumber: '340504197205141038', certificateNo: 'WA-2016-00514', certified: true, company: 0 },
  { name: '孙丽', idNumber: '340504198811204021', certificateNo: 'HY-2020-01120', certified: true, company: 1 },
];

export async function seedEnrolmentDemo(
  m: EntityManager,
  byCode: Map<string, OrgUnit>,
  pii: PiiCipher,
  now: Date,
): Promise<void> {
  const { companyIds, firstSiteIds } = await seedCompanies(m, byCode, now);
  for (const g of DEMO_ROSTER) {
    await m.getRepository(RosterGuard).insert({
      companyId: companyIds[g.company],
      name: g.name,
      idEnc: pii.encrypt(g.idNumber),
      idHash: pii.hash('id_number', g.idNumber),
      certificateNo: g.certificateNo,
      certified: g.certified,
      createdAt: now,
      updatedAt: now,
    });
  }
  await seedZhangWeiArchive(m, byCode, pii, now, companyIds[0], firstSiteIds[0] ?? null);
}

/** The demo companies and their service sites; the ids in DEMO_COMPANIES order, and each company's first site. */
async function seedCompanies(
  m: EntityManager,
  byCode: Map<string, OrgUnit>,
  now: Date,
): Promise<{ companyIds: number[]; firstSiteIds: number[] }> {
  const companyIds: number[] = [];
  const firstSiteIds: number[] = [];
  for (const c of DEMO_COMPANIES) {
    const manager = c.manager ? await m.getRepository(User).findOneBy({ username: c.manager }) : null;
    const res = await m.getRepository(Company).insert({
      name: c.name,
      type: c.type,
      creditCode: c.creditCode,
      homeStationId: byCode.get(c.homeStation)!.id,
      contactName: null,
      contactPhoneEnc: null,
      equipment: c.equipment,
      managerUserId: manager?.id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    const companyId = res.identifiers[0].id as number;
    companyIds.push(companyId);
    for (const s of c.sites) {
      const site = await m.getRepository(ServiceSite).insert({
        companyId,
        name: s.name,
        address: s.address,
        lat: s.lat,
        lng: s.lng,
        stationId: byCode.get(s.station)!.id,
        createdAt: now,
      });
      if (firstSiteIds.length < companyIds.length) firstSiteIds.push(site.identifiers[0].id as number);
    }
  }
  return { companyIds, firstSiteIds };
}

/** 张伟 (demo volunteer) is a 皖安 guard at its first site: fill his archive so the join rate and the card are not empty. */
async function seedZhangWeiArchive(
  m: EntityManager,
  byCode: Map<string, OrgUnit>,
  pii: PiiCipher,
  now: Date,
  companyId: number,
  siteId: number | null,
): Promise<void> {
  const zhang = await m.getRepository(Volunteer).findOneBy({ memberNo: 'MAS2026000001' });
  if (!zhang) return;
  const idNumber = '340504197205141038';
  await m.getRepository(Volunteer).update(zhang.id, {
    name: '张伟',
    idEnc: pii.encrypt(idNumber),
    idHash: pii.hash('id_number', idNumber),
    sex: 'male',
    occupation: 'security_guard',
    companyId,
    siteId,
    // he lives in 平湖社区: a warning to that community (or a radius around it) reaches him in the demo
    residenceCommunityId: byCode.get('MAS-YS-PH-C1')?.id ?? null,
    teams: ['区域巡逻组'],
    equipment: [
      { item: '义警马甲', issuedOn: '2026-01-10', count: 1 },
      { item: '肩灯', issuedOn: '2026-01-10', count: 1 },
    ],
    contacts: [],
    training: ['义警岗前培训（2026-01）'],
    commendations: [],
    criminalCheckedAt: now,
  });
  await m.getRepository(StationAssignment).insert({
    volunteerId: zhang.id,
    fromStationId: null,
    toStationId: zhang.stationId!,
    toPath: byCode.get('MAS-YS-PH')!.path,
    rule: 'site',
    reason: '演示数据',
    status: 'accepted',
    pendingKey: null,
    requestedById: null,
    requestedByName: null,
    decidedById: null,
    decidedByName: null,
    declineReason: null,
    createdAt: now,
    decidedAt: now,
  });
}
