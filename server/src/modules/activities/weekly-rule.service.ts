import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WEEKLY_RULE_TYPES, isoWeekOf, isoWeekRange, type WeeklyRuleResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { wherePathInScope } from '../../common/scope/org-scope.js';
import { OrgService } from '../org/org.service.js';
import { activitiesConfig, type ActivitiesConfig } from '../../config/activities.config.js';
import { Activity } from './entities/activity.entity.js';
import { Clock } from '../../common/clock/clock.js';

/**
 * Weekly rule (seed): every station holds at least one patrol/prevention activity each ISO week
 * (Asia/Shanghai). Counted per station over activities published at the station or its
 * communities that were not cancelled; stations in the viewer's scope below the minimum are flagged.
 */
@Injectable()
export class WeeklyRuleService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(activitiesConfig.KEY) private readonly config: ActivitiesConfig,
    private readonly clock: Clock,
    private readonly org: OrgService,
  ) {}

  async compute(actor: Actor, week = isoWeekOf(this.clock.now(), this.clock.zone)): Promise<WeeklyRuleResponse> {
    const range = isoWeekRange(week, this.clock.zone);
    if (!range) throw new AppException('VALIDATION_FAILED', [{ field: 'week', message: '格式应为 2026-W48' }]);
    const stations = await this.org.stationsInScope(actor);
    const acts = await wherePathInScope(this.ds.getRepository(Activity).createQueryBuilder('a'), actor, 'a.orgPath')
      .select(['a.id', 'a.orgPath'])
      .andWhere('a.type IN (:...types)', { types: [...WEEKLY_RULE_TYPES] })
      .andWhere("a.status IN ('published', 'ongoing', 'finished', 'settled')")
      .andWhere('a.startAt >= :from AND a.startAt < :to', range)
      .getMany();
    // A station's own path is a prefix of its communities' paths.
    const rows = stations.map((s) => {
      const count = acts.filter((a) => a.orgPath.startsWith(s.path)).length;
      return { stationId: s.id, name: s.name, count, belowRule: count < this.config.weeklyRuleMinimum };
    });
    rows.sort((x, y) => Number(y.belowRule) - Number(x.belowRule) || x.stationId - y.stationId);
    return {
      week,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      minimum: this.config.weeklyRuleMinimum,
      stations: rows,
      belowCount: rows.filter((r) => r.belowRule).length,
    };
  }
}
