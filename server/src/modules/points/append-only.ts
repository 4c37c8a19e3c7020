import { appendOnlyTriggers } from '../../database/append-only.js';

/** The ledger is append-only in the database itself (created on MySQL by the PointsLedgerAppendOnly migration). */
export const LEDGER_TABLE = 'points_ledger_entries';
export const LEDGER_TRIGGERS = appendOnlyTriggers(LEDGER_TABLE);
