import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import Database from 'better-sqlite3';
import { applySchema } from '../../src/hub-emulator/store/sqlite-schema';
import { buildRows } from '../emulator/bare-sqlite-baseline';

// The three floors of the e2e bench, measured in the same round on the same files and the same
// Azurite as the journey (docs/reference/measured-baselines.md#drop-to-completed-in-the-console).

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, '../convert/node-bench-child.ts');
const TSX = join(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs');
const MiB = 1024 * 1024;

/** papaparse's streaming parse of the CSV (header: true) in a fresh Node process. */
export async function papaparseFloorS(csv: string, rows: number): Promise<number> {
  const { stdout } = await run(process.execPath, [TSX, CHILD, 'parse', csv], {
    maxBuffer: MiB,
  });
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    ms: number;
    rows: number;
  };
  if (result.rows !== rows) throw new Error(`papaparse saw ${result.rows} rows, expected ${rows}`);
  return result.ms / 1000;
}

export interface StorageAccount {
  accountName: string;
  accountKey: string;
  blobEndpoint: string;
}

export function blobService(account: StorageAccount): BlobServiceClient {
  return new BlobServiceClient(
    account.blobEndpoint,
    new StorageSharedKeyCredential(account.accountName, account.accountKey),
  );
}

/**
 * Node's `uploadFile` of the same files, one after the other as the console sends them, with the
 * console's block size and concurrency (src/web/features/import/api/upload-blobs.ts), so the ratio
 * shows the browser's cost rather than a tuning difference.
 */
export async function uploadFloorS(account: StorageAccount, files: string[]): Promise<number> {
  const container = blobService(account).getContainerClient(`floor-${Date.now()}`);
  await container.create();
  const start = performance.now();
  for (const [i, file] of files.entries())
    await container
      .getBlockBlobClient(`file-${i}`)
      .uploadFile(file, { blockSize: 4 * MiB, concurrency: 4 });
  const seconds = (performance.now() - start) / 1000;
  await container.delete();
  return seconds;
}

/**
 * The emulator's table filled by a bare batched insert of the rows the hub imported (the NDJSON
 * the console uploaded), 10k per transaction as the emulator bench's baseline; building the rows is
 * not timed, and only one batch of them is in memory at a time.
 */
export async function bareInsertFloorS(ndjson: string, dbFile: string): Promise<number> {
  const db = new Database(dbFile);
  applySchema(db);
  let insert: Database.Statement | undefined;
  let seconds = 0;
  let batch: string[] = [];
  const flush = (): void => {
    const rows = buildRows(batch);
    batch = [];
    const first = rows[0];
    if (!first) return;
    const columns = Object.keys(first);
    insert ??= db.prepare(
      `INSERT INTO identities (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    const statement = insert;
    const start = performance.now();
    db.transaction(() => {
      for (const row of rows) statement.run(row);
    })();
    seconds += (performance.now() - start) / 1000;
  };
  const lines = createInterface({ input: createReadStream(ndjson), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.length === 0) continue;
    batch.push(line);
    if (batch.length === 10_000) flush();
  }
  flush();
  db.close();
  return seconds;
}
