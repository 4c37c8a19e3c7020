import type { DemoAccount, OrgLevel, StaffRole, VolunteerSkill, VolunteerTier } from '@jianghuai/shared';

/** 马鞍山市公安局 demo org tree: branches → stations (≥ 2 each) → communities. */
export interface DemoUnit {
  code: string;
  name: string;
  level: OrgLevel;
  lat?: number;
  lng?: number;
  children?: DemoUnit[];
}

function station(code: string, name: string, lat: number, lng: number, communities: string[]): DemoUnit {
  return {
    code,
    name,
    level: 'station',
    lat,
    lng,
    children: communities.map((c, i) => ({ code: `${code}-C${i + 1}`, name: c, level: 'community' as const })),
  };
}

export const DEMO_ORG: DemoUnit = {
  code: 'MAS',
  name: '马鞍山市公安局',
  level: 'city',
  lat: 31.6705,
  lng: 118.5063,
  children: [
    {
      code: 'MAS-HS',
      name: '花山分局',
      level: 'branch',
      children: [
        station('MAS-HS-JFL', '解放路派出所', 31.6889, 118.5104, ['解放路社区', '湖东路社区']),
        station('MAS-HS-JS', '佳山派出所', 31.7152, 118.5231, ['佳山社区', '秀山社区']),
        station('MAS-HS-TY', '桃源路派出所', 31.6958, 118.4981, ['桃源社区', '金瑞社区']),
      ],
    },
    {
      code: 'MAS-YS',
      name: '雨山分局',
      level: 'branch',
      children: [
        station('MAS-YS-PH', '平湖派出所', 31.6612, 118.5037, ['平湖社区', '雨山湖社区']),
        station('MAS-YS-YS', '雨山派出所', 31.6459, 118.5122, ['雨山社区', '采石社区']),
        station('MAS-YS-AM', '安民派出所', 31.6518, 118.4876, ['安民社区', '向山社区']),
      ],
    },
    {
      code: 'MAS-BW',
      name: '博望分局',
      level: 'branch',
      children: [
        station('MAS-BW-BW', '博望派出所', 31.5614, 118.8335, ['博望社区', '新市社区']),
        station('MAS-BW-DY', '丹阳派出所', 31.5232, 118.8003, ['丹阳社区', '石桥社区']),
      ],
    },
    {
      code: 'MAS-DT',
      name: '当涂县公安局',
      level: 'branch',
      children: [
        station('MAS-DT-GS', '姑孰派出所', 31.5561, 118.4979, ['姑孰社区', '护河社区']),
        station('MAS-DT-HC', '黄池派出所', 31.3745, 118.7418, ['黄池社区', '塘南社区']),
      ],
    },
    {
      code: 'MAS-HSX',
      name: '含山县公安局',
      level: 'branch',
      children: [
        station('MAS-HSX-HF', '环峰派出所', 31.7275, 118.1016, ['环峰社区', '东关社区']),
        station('MAS-HSX-YC', '运漕派出所', 31.6146, 117.9531, ['运漕社区', '铜城社区']),
      ],
    },
    {
      code: 'MAS-HX',
      name: '和县公安局',
      level: 'branch',
      children: [
        station('MAS-HX-LY', '历阳派出所', 31.7138, 118.3537, ['历阳社区', '城北社区']),
        station('MAS-HX-WJ', '乌江派出所', 31.8633, 118.4597, ['乌江社区', '卜陈社区']),
      ],
    },
  ],
};

export const DEMO_PASSWORD = 'Jhyj@2026';

export interface DemoStaff {
  username: string;
  displayName: string;
  phone: string;
  orgCode: string;
  roles: StaffRole[];
}

export const DEMO_STAFF: DemoStaff[] = [
  { username: 'admin', displayName: '系统管理员', phone: '13805550001', orgCode: 'MAS', roles: ['sysadmin'] },
  { username: 'city', displayName: '陈支队', phone: '13805550002', orgCode: 'MAS', roles: ['city_officer'] },
  {
    username: 'yushan_branch',
    displayName: '刘大队',
    phone: '13805550003',
    orgCode: 'MAS-YS',
    roles: ['branch_officer'],
  },
  {
    username: 'huashan_branch',
    displayName: '孙大队',
    phone: '13805550004',
    orgCode: 'MAS-HS',
    roles: ['branch_officer'],
  },
  {
    username: 'pinghu_station',
    displayName: '王所长',
    phone: '13805550005',
    orgCode: 'MAS-YS-PH',
    roles: ['station_officer'],
  },
  {
    username: 'yushan_station',
    displayName: '赵警官',
    phone: '13805550006',
    orgCode: 'MAS-YS-YS',
    roles: ['station_officer'],
  },
  {
    username: 'jiefang_station',
    displayName: '周警官',
    phone: '13805550007',
    orgCode: 'MAS-HS-JFL',
    roles: ['station_officer'],
  },
  {
    username: 'pinghu_community',
    displayName: '吴社区民警',
    phone: '13805550008',
    orgCode: 'MAS-YS-PH-C1',
    roles: ['community_officer'],
  },
  { username: 'mall', displayName: '郑运营', phone: '13805550009', orgCode: 'MAS', roles: ['mall_operator'] },
  {
    username: 'company',
    displayName: '钱经理（皖安保安服务公司）',
    phone: '13805550010',
    orgCode: 'MAS-YS-PH',
    roles: ['company_manager'],
  },
];

export interface DemoVolunteer {
  sandboxName: string;
  displayName: string;
  phone: string;
  memberNo: string;
  stationCode: string;
  tier: VolunteerTier;
  skills: VolunteerSkill[];
  birthDate: string;
}

export const DEMO_VOLUNTEERS: DemoVolunteer[] = [
  {
    sandboxName: 'zhangwei',
    displayName: '张伟',
    phone: '13905551001',
    memberNo: 'MAS2026000001',
    stationCode: 'MAS-YS-PH',
    tier: 'backbone',
    skills: [{ name: '急救', certificateNo: 'JJ-2024-0301', expiresOn: '2027-06-30' }, { name: '安检' }],
    birthDate: '1972-05-14',
  },
  {
    sandboxName: 'lina',
    displayName: '李娜',
    phone: '13905551002',
    memberNo: 'MAS2026000002',
    stationCode: 'MAS-HS-JFL',
    tier: 'basic',
    skills: [{ name: '调解' }],
    birthDate: '1980-11-02',
  },
  // 平湖派出所's other members, so a team there can have a leader and several members
  {
    sandboxName: 'wangjianguo',
    displayName: '王建国',
    phone: '13905551003',
    memberNo: 'MAS2026000003',
    stationCode: 'MAS-YS-PH',
    tier: 'backbone',
    skills: [{ name: '安检' }, { name: '驾驶' }],
    birthDate: '1969-03-21',
  },
  {
    sandboxName: 'liuxiuying',
    displayName: '刘秀英',
    phone: '13905551004',
    memberNo: 'MAS2026000004',
    stationCode: 'MAS-YS-PH',
    tier: 'basic',
    skills: [{ name: '调解' }],
    birthDate: '1971-08-09',
  },
  {
    sandboxName: 'chenzhiqiang',
    displayName: '陈志强',
    phone: '13905551005',
    memberNo: 'MAS2026000005',
    stationCode: 'MAS-YS-PH',
    tier: 'basic',
    skills: [{ name: '消防' }],
    birthDate: '1974-12-02',
  },
  {
    sandboxName: 'zhaodeming',
    displayName: '赵德明',
    phone: '13905551006',
    memberNo: 'MAS2026000006',
    stationCode: 'MAS-YS-PH',
    tier: 'basic',
    skills: [{ name: '急救', certificateNo: 'JJ-2025-0917', expiresOn: '2028-09-30' }],
    birthDate: '1967-06-15',
  },
];

/** A demo product of the points mall, owned by the city (the mall operator's unit), on the shelf. */
export interface DemoMallProduct {
  name: string;
  category: string;
  description: string;
  pointsPrice: number;
  cashFen: number;
  stock: number;
  perPersonLimit: number | null;
  pickupStationCodes: string[];
}

/** What the demo shop holds on a first run: points-only items and one with a cash part, picked up at stations. */
export const DEMO_MALL_PRODUCTS: DemoMallProduct[] = [
  {
    name: '义警保温杯',
    category: '生活用品',
    description: '500 毫升不锈钢保温杯，印有“江淮义警”字样。',
    pointsPrice: 200,
    cashFen: 0,
    stock: 50,
    perPersonLimit: 2,
    pickupStationCodes: ['MAS-YS-PH'],
  },
  {
    name: '反光背心',
    category: '执勤装备',
    description: '夜间巡逻用荧光反光背心，均码。',
    pointsPrice: 100,
    cashFen: 0,
    stock: 100,
    perPersonLimit: 2,
    pickupStationCodes: ['MAS-YS-PH', 'MAS-HS-JFL'],
  },
  {
    name: '强光手电筒',
    category: '执勤装备',
    description: '可充电强光手电，续航 6 小时。积分之外另付现金部分。',
    pointsPrice: 300,
    cashFen: 1990,
    stock: 20,
    perPersonLimit: 1,
    pickupStationCodes: ['MAS-YS-PH'],
  },
  {
    name: '家用急救包',
    category: '生活用品',
    description: '含止血带、绷带、消毒棉片等常用急救用品。',
    pointsPrice: 500,
    cashFen: 0,
    stock: 3,
    perPersonLimit: 1,
    pickupStationCodes: ['MAS-YS-PH'],
  },
];

/** Points 张伟 starts with in the demo, so the shop can be tried at once (a commendation by his station). */
export const DEMO_MALL_STARTING_POINTS = { sandboxName: 'zhangwei', amount: 1000, orgCode: 'MAS-YS-PH' };

/**
 * An application at 平湖派出所 waiting past the review time: 杨桂兰 lives in 雨山湖社区, which has no reviewer of
 * its own, so the review-time warning job tells the station officer (pinghu_station). Fictitious ID number with a
 * valid check digit.
 */
export const DEMO_OVERDUE_APPLICATION = {
  sandboxName: 'yangguilan',
  name: '杨桂兰',
  idNumber: '340504196809170521',
  birthDate: '1968-09-17',
  sex: 'female' as const,
  phone: '13905551101',
  communityCode: 'MAS-YS-PH-C2',
  stationCode: 'MAS-YS-PH',
  submittedDaysAgo: 5,
};

const STAFF_ROLE_LABEL: Record<string, string> = {
  sysadmin: '系统管理员',
  city_officer: '市局民警',
  branch_officer: '分局民警',
  station_officer: '派出所民警',
  community_officer: '社区民警',
  mall_operator: '积分商城运营',
  company_manager: '保安从业单位管理员',
};

function orgName(code: string, unit: DemoUnit = DEMO_ORG): string | null {
  if (unit.code === code) return unit.name;
  for (const c of unit.children ?? []) {
    const n = orgName(code, c);
    if (n) return n;
  }
  return null;
}

/** What the H5 sandbox login page lists (never served in production). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  ...DEMO_VOLUNTEERS.map((v) => ({
    kind: 'volunteer' as const,
    code: `sandbox-${v.sandboxName}`,
    username: null,
    password: null,
    displayName: v.displayName,
    roleLabel: '义警',
    orgName: orgName(v.stationCode),
  })),
  {
    kind: 'visitor',
    code: 'sandbox-visitor',
    username: null,
    password: null,
    displayName: '新用户（尚未加入）',
    roleLabel: '访客',
    orgName: null,
  },
  ...DEMO_STAFF.map((s) => ({
    kind: 'staff' as const,
    code: null,
    username: s.username,
    password: DEMO_PASSWORD,
    displayName: s.displayName,
    roleLabel: s.roles.map((r) => STAFF_ROLE_LABEL[r]).join('、'),
    orgName: orgName(s.orgCode),
  })),
];

/** 雨山分局's saved 摸排 plan (docs/callups.md#plans), aimed at 平湖派出所 and launched from 调度预案. */
export const DEMO_CALLUP_PLAN = {
  ownerCode: 'MAS-YS',
  ownerUsername: 'yushan_branch',
  targetCode: 'MAS-YS-PH',
  name: '平湖片区重点单位摸排',
  title: '平湖片区重点单位摸排',
  task: '逐一核对片区重点单位的人员、门岗和消防通道，如实填写。',
  rally: { address: '平湖派出所门口', lat: 31.6612, lng: 118.5037 },
  deadlineMinutes: 240,
  wanted: 5,
  items: ['湖东路加油站', '平湖小学', '雨山区人民医院'],
};
