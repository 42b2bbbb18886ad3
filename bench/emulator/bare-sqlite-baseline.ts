import Database from 'better-sqlite3';
import { applySchema } from '../../src/hub-emulator/store/sqlite-schema';
import { toRow, type IdentityRow } from '../../src/hub-emulator/store/identity-row';
import { createIdentity } from '../../src/hub-emulator/model/build-identity';
import { createKeySource } from '../../src/hub-emulator/model/key-source';
import { parseImportLine } from '../../src/hub-emulator/registry/import-operation';

// The same-run baseline the issue asks for: the emulator's own table filled by a bare batched
// insert of pre-built rows (10k per transaction, WAL + synchronous=NORMAL), and a bare scan that
// JSON.stringifies every row. Building the rows is not timed.
export function buildRows(lines: readonly string[]): IdentityRow[] {
  const keys = createKeySource();
  const now = new Date();
  return lines.map((line, i) => {
    const parsed = parseImportLine(line);
    if (!parsed.ok) throw new Error(parsed.message);
    return toRow(
      createIdentity(parsed.operation.input, { now, keys, etag: i + 1, applyReported: true }),
    );
  });
}

/** Seconds to insert every row into a fresh copy of the emulator's table at `file`. */
export function timeBareInsert(file: string, rows: readonly IdentityRow[]): number {
  const db = new Database(file);
  applySchema(db);
  const columns = Object.keys(rows[0] ?? {});
  const insert = db.prepare(
    `INSERT INTO identities (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const insertBatch = db.transaction((batch: readonly IdentityRow[]) => {
    for (const row of batch) insert.run(row);
  });
  const start = performance.now();
  for (let i = 0; i < rows.length; i += 10_000) insertBatch(rows.slice(i, i + 10_000));
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return seconds;
}

/** Seconds to select every row of the table at `file` in key order and JSON.stringify it. */
export function timeBareScan(file: string): number {
  const db = new Database(file, { readonly: true });
  const start = performance.now();
  let bytes = 0;
  for (const row of db.prepare('SELECT * FROM identities ORDER BY device_id, module_id').iterate())
    bytes += JSON.stringify(row).length;
  const seconds = (performance.now() - start) / 1000;
  db.close();
  if (bytes === 0) throw new Error('the baseline scan read nothing');
  return seconds;
}
