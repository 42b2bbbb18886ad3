import Database from 'better-sqlite3';
import path from 'node:path';
import { applySchema } from '../../src/hub-emulator/store/sqlite-schema';
import { toRow, type IdentityRow } from '../../src/hub-emulator/store/identity-row';
import { createIdentity } from '../../src/hub-emulator/model/build-identity';
import { createKeySource } from '../../src/hub-emulator/model/key-source';
import { parseImportLine } from '../../src/hub-emulator/registry/import-operation';

// The same-run baseline the issue asks for: the emulator's own table filled by a bare batched
// insert of pre-built rows (10k per transaction, WAL + synchronous=NORMAL), then a bare scan that
// JSON.stringifies every row. Building the rows is not timed.
export interface BaselineResult {
  insertSeconds: number;
  scanSeconds: number;
}

export function buildRows(lines: readonly string[]): IdentityRow[] {
  const keys = createKeySource();
  const now = new Date();
  return lines.map((line, i) => {
    const parsed = parseImportLine(line);
    if (!parsed.ok) throw new Error(parsed.message);
    return toRow(createIdentity(parsed.operation.input, { now, keys, etag: i + 1, applyReported: true }));
  });
}

export function runBaseline(dir: string, rows: readonly IdentityRow[]): BaselineResult {
  const db = new Database(path.join(dir, 'baseline.sqlite'));
  applySchema(db);
  const columns = Object.keys(rows[0] ?? {});
  const insert = db.prepare(`INSERT INTO identities (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  const insertBatch = db.transaction((batch: readonly IdentityRow[]) => {
    for (const row of batch) insert.run(row);
  });
  const insertStart = performance.now();
  for (let i = 0; i < rows.length; i += 10_000) insertBatch(rows.slice(i, i + 10_000));
  const insertSeconds = (performance.now() - insertStart) / 1000;

  const scanStart = performance.now();
  let bytes = 0;
  for (const row of db.prepare('SELECT * FROM identities ORDER BY device_id, module_id').iterate()) bytes += JSON.stringify(row).length;
  const scanSeconds = (performance.now() - scanStart) / 1000;
  db.close();
  if (bytes === 0 && rows.length > 0) throw new Error('the baseline scan read nothing');
  return { insertSeconds, scanSeconds };
}
