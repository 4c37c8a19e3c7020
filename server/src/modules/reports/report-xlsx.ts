import ExcelJS from 'exceljs';
import {
  ORG_LEVEL_LABELS,
  RESPONSE_SPEED_UNAVAILABLE,
  businessDateTime,
  type CompiledStageReport,
  type CompiledUnit,
  type RankingCell,
  type RankingResponse,
  type StageSubmitter,
  rankChangeLabel,
} from '@jianghuai/shared';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 5987 attachment header: the Chinese name, with an ASCII fallback. */
export function attachment(ascii: string, name: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A worksheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base = [...wanted.replace(/[[\]:*?/\\]/g, '·')].slice(0, 28).join('') || '工作表';
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base}${i}`;
  return name;
}

export const pct = (v: number | null): string => (v === null ? '—' : `${v}%`);
export const speed = (s: number | null): string => (s === null ? RESPONSE_SPEED_UNAVAILABLE : `${s} 秒`);

const FIGURE_COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '单位', key: 'name', width: 18 },
  { header: '在册义警', key: 'volunteers', width: 10 },
  { header: '花名册人数', key: 'rosterTotal', width: 10 },
  { header: '已入会', key: 'rosterJoined', width: 8 },
  { header: '入会率', key: 'joinRate', width: 8 },
  { header: '近8周巡逻达标（所·周）', key: 'weeksMet', width: 14 },
  { header: '巡逻达标率', key: 'weeklyRate', width: 10 },
  { header: '情报线索', key: 'tips', width: 8 },
  { header: '召集响应（中位数）', key: 'speed', width: 12 },
  { header: '活跃队伍', key: 'teams', width: 8 },
  { header: '工作情况', key: 'status', width: 12 },
  { header: '提交时间', key: 'submittedAt', width: 18 },
  { header: '工作情况内容', key: 'text', width: 60 },
];

function figureRow(u: CompiledUnit, zone: string): Record<string, string | number> {
  const f = u.figures;
  const n = u.narrative;
  return {
    name: u.orgName,
    volunteers: f.volunteers,
    rosterTotal: f.rosterTotal,
    rosterJoined: f.rosterJoined,
    joinRate: pct(f.joinRate),
    weeksMet: `${f.weeklyRuleWeeksMet}/${f.weeklyRuleStations * 8}`,
    weeklyRate: pct(f.weeklyRuleRate),
    tips: f.tipsCount,
    speed: speed(f.callupAcceptMedianS),
    teams: f.activeTeams,
    status: n ? (n.late ? '逾期提交' : '按时提交') : '未提交',
    submittedAt: n ? businessDateTime(new Date(n.submittedAt), zone) : '',
    text: n?.text ?? '',
  };
}

function submitterRows(ws: ExcelJS.Worksheet, title: string, list: StageSubmitter[], zone: string): void {
  ws.addRow([]);
  ws.addRow([`${title}（${list.length}）`]).font = { bold: true };
  ws.addRow(['单位', '级别', '所属分局', '提交时间']).font = { bold: true };
  for (const s of list) {
    const at = s.submittedAt ? businessDateTime(new Date(s.submittedAt), zone) : '未提交';
    ws.addRow([s.orgName, ORG_LEVEL_LABELS[s.level], s.branchName ?? '', at]);
  }
}

/** The compiled report as a workbook: 汇总 (city and branches), one sheet per branch, 逾期与未提交. */
export async function stageWorkbook(r: CompiledStageReport, zone: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet('汇总');
  summary.columns = FIGURE_COLUMNS;
  summary.getRow(1).font = { bold: true };
  if (r.city) summary.addRow(figureRow(r.city, zone));
  for (const b of r.branches) summary.addRow(figureRow(b, zone));
  summary.addRow([]);
  summary.addRow([`${r.stage.name}，截止日期 ${r.stage.dueDate}，数据截至 ${r.asOf}`]);
  summary.addRow([]);
  summary.addRow(['工作目标', '目标值', '完成期限']).font = { bold: true };
  for (const t of r.targets) {
    summary.addRow([t.label, `${t.value}${t.unitLabel}`, t.dueDate ?? '长期']);
  }
  for (const b of r.branches) {
    const ws = wb.addWorksheet(sheetName(wb, b.orgName));
    ws.columns = FIGURE_COLUMNS;
    ws.getRow(1).font = { bold: true };
    ws.addRow(figureRow(b, zone)).font = { bold: true };
    for (const s of b.stations) ws.addRow(figureRow(s, zone));
  }
  const lists = wb.addWorksheet('逾期与未提交');
  lists.columns = [
    { key: 'a', width: 18 },
    { key: 'b', width: 8 },
    { key: 'c', width: 16 },
    { key: 'd', width: 18 },
  ];
  lists.addRow([`${r.stage.name}，截止日期 ${r.stage.dueDate}`]).font = { bold: true };
  submitterRows(lists, '逾期提交', r.late, zone);
  submitterRows(lists, '未提交', r.missing, zone);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const RANK_COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '综合排名', key: 'rank', width: 8 },
  { header: '变化', key: 'change', width: 6 },
  { header: '单位', key: 'name', width: 18 },
  { header: '所属分局', key: 'branch', width: 14 },
  { header: '入会率', key: 'joinRate', width: 8 },
  { header: '入会率排名', key: 'joinRateRank', width: 10 },
  { header: '巡逻达标率', key: 'weeklyRule', width: 10 },
  { header: '巡逻排名', key: 'weeklyRuleRank', width: 8 },
  { header: '情报线索', key: 'tips', width: 8 },
  { header: '线索排名', key: 'tipsRank', width: 8 },
  { header: '召集响应（中位数）', key: 'speed', width: 12 },
  { header: '响应排名', key: 'speedRank', width: 8 },
];

const rankText = (c: RankingCell): string => (c.rank === null ? '—' : `${c.rank}（${rankChangeLabel(c)}）`);

/** A published ranking as a workbook: 分局排名 and 派出所排名, with the previous rank's change. */
export async function rankingWorkbook(r: RankingResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [title, rows] of [
    ['分局排名', r.branches],
    ['派出所排名', r.stations],
  ] as const) {
    const ws = wb.addWorksheet(title);
    ws.columns = RANK_COLUMNS;
    ws.getRow(1).font = { bold: true };
    for (const row of rows) {
      ws.addRow({
        rank: row.overall.rank ?? '—',
        change: rankChangeLabel(row.overall),
        name: row.orgName,
        branch: row.branchName ?? '',
        joinRate: pct(row.joinRate.value),
        joinRateRank: rankText(row.joinRate),
        weeklyRule: pct(row.weeklyRule.value),
        weeklyRuleRank: rankText(row.weeklyRule),
        tips: row.tips.value ?? 0,
        tipsRank: rankText(row.tips),
        speed: speed(row.responseSpeed.value),
        speedRank: rankText(row.responseSpeed),
      });
    }
    ws.addRow([]);
    ws.addRow([
      `${r.title}，统计期间 ${r.periodStart} 至 ${r.periodEnd}${r.previousTitle ? `，对比：${r.previousTitle}` : ''}`,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
