/** What every part of the SQLite store shares: one connection, its prepared statements, its transactions. */
import type { DatabaseSync, StatementSync } from "node:sqlite";

/** Runs `work` in one transaction (BEGIN IMMEDIATE: writers queue instead of failing midway). */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = work();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}

export class SqliteHandle {
  private readonly statements = new Map<string, StatementSync>();

  constructor(readonly db: DatabaseSync) {}

  /** The statement for `text`, prepared once per connection. */
  sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  transaction<T>(work: () => T): T {
    return transaction(this.db, work);
  }

  close(): void {
    this.db.close();
  }
}
