import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { logger } from '../logging/logger.js';
import { PiiCipher } from './pii-cipher.js';
import { upgradeContacts, type StoredContact } from './sealed-contacts.js';

/** Every stored phone or ID number (encrypted column) and the keyed-hash column beside it. */
export const HASHED_PII_COLUMNS = [
  { table: 'users', enc: 'phoneEnc', hash: 'phoneHash', kind: 'phone' },
  { table: 'volunteers', enc: 'phoneEnc', hash: 'phoneHash', kind: 'phone' },
  { table: 'volunteers', enc: 'idEnc', hash: 'idHash', kind: 'id_number' },
  { table: 'applications', enc: 'phoneEnc', hash: 'phoneHash', kind: 'phone' },
  { table: 'applications', enc: 'idEnc', hash: 'idHash', kind: 'id_number' },
  { table: 'roster_guards', enc: 'idEnc', hash: 'idHash', kind: 'id_number' },
  { table: 'companies', enc: 'contactPhoneEnc', hash: 'contactPhoneHash', kind: 'phone' },
] as const;

const BATCH = 200;

/**
 * Brings rows written before a rule existed up to it, at every start: emergency-contact phones
 * still in the clear are encrypted and hashed, and encrypted phones or ID numbers without their
 * keyed hash get one. On MySQL the versioned migration did this already (then each query finds
 * nothing); the embedded database has no migrations, so this is how its older files are fixed.
 * Every write is conditional on the value read, so a concurrent edit is never overwritten.
 */
@Injectable()
export class PiiBackfill implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pii: PiiCipher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const fixed = await this.run();
    if (fixed) logger.info({ fixed }, 'personal data brought up to date (contact phones sealed, keyed hashes filled)');
  }

  /** Returns how many rows were changed. */
  async run(): Promise<number> {
    let fixed = 0;
    for (const col of HASHED_PII_COLUMNS) fixed += await this.fillHashes(col.table, col.enc, col.hash, col.kind);
    fixed += await this.sealContacts();
    return fixed;
  }

  private async fillHashes(table: string, enc: string, hash: string, kind: 'phone' | 'id_number'): Promise<number> {
    let fixed = 0;
    for (let after = 0; ;) {
      const rows: { id: number; enc: string }[] = await this.dataSource.query(
        `SELECT id, \`${enc}\` AS enc FROM \`${table}\` WHERE id > ? AND \`${hash}\` IS NULL AND \`${enc}\` IS NOT NULL ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (!rows.length) return fixed;
      for (const row of rows) {
        after = Number(row.id);
        const value = this.tryDecrypt(table, row.id, row.enc);
        if (value === null) continue;
        try {
          await this.dataSource.query(
            `UPDATE \`${table}\` SET \`${hash}\` = ? WHERE id = ? AND \`${hash}\` IS NULL AND \`${enc}\` = ?`,
            [this.pii.hash(kind, value), row.id, row.enc],
          );
          fixed++;
        } catch (err) {
          // a unique hash column already holding this value: two rows for one person, for a person to sort out
          logger.error({ error: String(err), table, id: row.id }, 'keyed hash could not be stored');
        }
      }
    }
  }

  private async sealContacts(): Promise<number> {
    let fixed = 0;
    for (let after = 0; ;) {
      // JSON as the entity writes it: a plain contact has a `"phone":` key, a sealed one has not.
      const rows: { id: number; contacts: string }[] = await this.dataSource.query(
        `SELECT id, contacts FROM volunteers WHERE id > ? AND contacts LIKE '%"phone":%' ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (!rows.length) return fixed;
      for (const row of rows) {
        after = Number(row.id);
        let sealed;
        try {
          sealed = upgradeContacts(this.pii, JSON.parse(row.contacts) as StoredContact[]);
        } catch (err) {
          logger.error(
            { error: String(err), volunteerId: row.id },
            'emergency contacts could not be read; left as they are',
          );
          continue;
        }
        if (!sealed) continue;
        await this.dataSource.query('UPDATE volunteers SET contacts = ? WHERE id = ? AND contacts = ?', [
          JSON.stringify(sealed),
          row.id,
          row.contacts,
        ]);
        fixed++;
      }
    }
  }

  private tryDecrypt(table: string, id: number, stored: string): string | null {
    try {
      return this.pii.decrypt(stored);
    } catch (err) {
      logger.error(
        { error: String(err), table, id },
        'encrypted personal data could not be decrypted with the configured keys; its keyed hash is left empty',
      );
      return null;
    }
  }
}
