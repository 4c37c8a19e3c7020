import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { findActivityInScope } from './activity-access.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';

/** Reads of activities and their sign-ups for other modules (they read these tables only through this module). */
@Injectable()
export class ActivityQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The volunteers with a confirmed place in an activity inside the staff member's scope (NOT_FOUND outside it). */
  async confirmedVolunteerIds(actor: Actor, activityId: number): Promise<number[]> {
    await findActivityInScope(this.ds.manager, actor, activityId);
    const signups = await this.ds
      .getRepository(ActivitySignup)
      .find({ where: { activityId, status: 'confirmed' }, select: { volunteerId: true } });
    return signups.map((s) => s.volunteerId);
  }
}
