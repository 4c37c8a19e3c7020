import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../database/columns.js';

/**
 * The half-filled application form, one per person, so it survives closing the app. The form holds
 * the ID number, so the whole draft is stored encrypted (PiiCipher), never as readable JSON.
 */
@Entity('application_drafts')
export class ApplicationDraftRow {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @Column({ type: 'text' })
  dataEnc: string;

  @DateTimeColumn()
  updatedAt: Date;
}
