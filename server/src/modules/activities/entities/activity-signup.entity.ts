import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AttendanceStatus, CheckinMethod, SignupStatus } from '@jianghuai/shared';
import { ATTENDANCE_STATUSES, SIGNUP_STATUSES } from '@jianghuai/shared';
import { DateTimeColumn } from '../../../database/columns.js';

/**
 * One volunteer's sign-up for one activity, and later their check-in, check-out and confirmed
 * attendance. The auto-increment id is the arrival order: the waitlist is `ORDER BY id`.
 * `live` is 1 while the sign-up holds or waits for a place and NULL once cancelled or rejected,
 * so the unique key (activityId, volunteerId, live) stops a second live sign-up while still
 * letting someone who cancelled sign up again (at the back of the queue).
 */
@Entity('activity_signups')
@Index(['activityId', 'volunteerId', 'live'], { unique: true })
@Index(['activityId', 'status', 'id'])
@Index(['volunteerId', 'status'])
export class ActivitySignup {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  activityId: number;

  @Column({ type: 'int' })
  volunteerId: number;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'simple-enum', enum: SIGNUP_STATUSES })
  status: SignupStatus;

  @Column({ type: 'int', nullable: true })
  live: number | null;

  /** indexed: the data-honesty scan reads check-ins after its watermark, in time order */
  @Index()
  @DateTimeColumn({ nullable: true })
  checkinAt: Date | null;

  @Column({ type: 'simple-enum', enum: ['location', 'qr'], nullable: true })
  checkinMethod: CheckinMethod | null;

  @Column({ type: 'double', nullable: true })
  checkinLat: number | null;

  @Column({ type: 'double', nullable: true })
  checkinLng: number | null;

  @Column({ type: 'int', nullable: true })
  checkinAccuracyM: number | null;

  @Column({ type: 'int', nullable: true })
  checkinDistanceM: number | null;

  @DateTimeColumn({ nullable: true })
  checkoutAt: Date | null;

  /** Checked out by the job at end + grace: flagged for review. */
  @Column({ type: 'boolean', default: false })
  autoCheckedOut: boolean;

  /** Overlap of [check-in, check-out] with the activity window, in minutes. */
  @Column({ type: 'int', nullable: true })
  checkedMinutes: number | null;

  @Column({ type: 'simple-enum', enum: ATTENDANCE_STATUSES, default: 'unconfirmed' })
  attendance: AttendanceStatus;

  /** checkedMinutes + manualMinutes as confirmed by staff; never changed afterwards. */
  @Column({ type: 'int', nullable: true })
  confirmedMinutes: number | null;

  /** Minutes added by hand by staff, kept apart from checked-in time. */
  @Column({ type: 'int', default: 0 })
  manualMinutes: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  manualNote: string | null;

  /** indexed: the data-honesty scan reads confirmations after its watermark, in time order */
  @Index()
  @DateTimeColumn({ nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  confirmedByUserId: number | null;

  @Column({ type: 'int', default: 0 })
  pointsAwarded: number;

  /** When the reminder before the start was written (once per sign-up: conditional UPDATE on NULL). */
  @DateTimeColumn({ nullable: true })
  reminderSentAt: Date | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
