import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last member-number sequence used per prefix (`MAS2026`), advanced with a conditional UPDATE. */
@Entity('member_number_counters')
export class MemberNumberCounter {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ type: 'int' })
  lastValue: number;
}
