import type { DataSource, EntityManager } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one connection for the whole process, so two requests that open a
 * transaction at the same moment would nest as savepoints or fail ("cannot start a transaction
 * within a transaction"). On the embedded database, transactions therefore run one at a time.
 * MySQL has a pool and real isolation and is left alone.
 *
 * A residual limit of the embedded database (development only): a plain write issued by another
 * request while a transaction is open shares that connection and so that transaction.
 */
export function serializeEmbeddedTransactions(ds: DataSource): void {
  if (ds.options.type !== 'better-sqlite3') return;
  const manager: EntityManager = ds.manager;
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    const run = tail.then(() => original(...args));
    tail = run.catch(() => undefined);
    return run;
  }) as EntityManager['transaction'];
}
