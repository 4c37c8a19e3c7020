import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import ExcelJS from 'exceljs';
import { VOLUNTEER_STATUS_LABELS, VOLUNTEER_TIER_LABELS, type Page, type VolunteerListItem } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { toPage } from '../../common/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { likeContains } from '../companies/companies.service.js';
import type { Volunteer } from './volunteer.entity.js';
import { VolunteerArchiveService } from './volunteer-archive.service.js';
import type { TalentPoolQueryDto } from './volunteers.dto.js';
import { Clock } from '../../common/clock/clock.js';

const EXPORT_MAX = 10_000;

/** 人才资源库 (docs/product.md#volunteers-archive): search by skill, area, tier and availability; export as .xlsx. */
@Injectable()
export class TalentPoolService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly archive: VolunteerArchiveService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async search(actor: Actor, q: TalentPoolQueryDto): Promise<Page<VolunteerListItem>> {
    const qb = await this.query(actor, q);
    const [rows, total] = await qb
      .orderBy('v.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getManyAndCount();
    return toPage(await this.archive.listItems(rows), total, q);
  }

  async export(actor: Actor, q: TalentPoolQueryDto): Promise<Buffer> {
    const qb = await this.query(actor, q);
    const rows = await qb.orderBy('v.id', 'ASC').limit(EXPORT_MAX).getMany();
    const items = await this.archive.listItems(rows);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人才资源库');
    ws.columns = [
      { header: '义警编号', key: 'memberNo', width: 16 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '手机号', key: 'phone', width: 14 },
      { header: '管理派出所', key: 'station', width: 16 },
      { header: '层级', key: 'tier', width: 10 },
      { header: '星级', key: 'star', width: 6 },
      { header: '技能', key: 'skills', width: 24 },
      { header: '编组', key: 'teams', width: 20 },
      { header: '状态', key: 'status', width: 10 },
      { header: '可调用', key: 'available', width: 8 },
      { header: '最近履职', key: 'lastDuty', width: 12 },
    ];
    for (const i of items) {
      ws.addRow({
        memberNo: i.memberNo,
        name: i.name,
        phone: i.phoneMasked ?? '',
        station: i.station?.name ?? '',
        tier: VOLUNTEER_TIER_LABELS[i.tier],
        star: i.starLevel,
        skills: i.skills.map((s) => s.name).join('、'),
        teams: i.teams.join('、'),
        status: VOLUNTEER_STATUS_LABELS[i.status],
        available: i.available ? '是' : '否',
        lastDuty: i.lastDutyAt ? this.clock.today(new Date(i.lastDutyAt)) : '',
      });
    }
    ws.getRow(1).font = { bold: true };
    await this.dataSource.transaction((m) =>
      this.audit.record(m, actor, {
        action: 'talent_pool.export',
        targetType: 'volunteer',
        after: { filters: { ...q }, rows: items.length },
      }),
    );
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  private async query(actor: Actor, q: TalentPoolQueryDto): Promise<SelectQueryBuilder<Volunteer>> {
    const qb = this.archive.scoped(actor);
    if (q.skill) qb.andWhere("v.skills LIKE :skill ESCAPE '!'", { skill: likeContains(`"name":"${q.skill}"`) });
    if (q.tier) qb.andWhere('v.tier = :tier', { tier: q.tier });
    if (q.orgUnitId) await this.archive.whereArea(actor, qb, q.orgUnitId);
    const exemptNow = 'SELECT de.volunteerId FROM duty_exemptions de WHERE de.endsOn >= :today';
    if (q.available === true)
      qb.andWhere(`v.status = 'active' AND v.id NOT IN (${exemptNow})`, { today: this.clock.today() });
    if (q.available === false)
      qb.andWhere(`(v.status <> 'active' OR v.id IN (${exemptNow}))`, { today: this.clock.today() });
    return qb;
  }
}
