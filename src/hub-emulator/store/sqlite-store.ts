import Database from 'better-sqlite3';
import path from 'node:path';
import type { Identity } from '../model/identity';
import type { JobRecord } from '../jobs/job-record';
import type {
  DeviceStatistics,
  ExportPage,
  HubStore,
  IdentityPage,
  ScanCursor,
  ScanScope,
  StoredConfiguration,
} from './hub-store';
import { applySchema } from './sqlite-schema';
import { exportLine, fromRow, toRow, type IdentityRow } from './identity-row';

const COLUMNS =
  'device_id, module_id, etag, status, status_reason, auth, twin_etag, tags, desired, reported, iot_edge, device_scope, parent_scopes, meta';
const COLUMN_LIST = COLUMNS.split(', ') as (keyof IdentityRow)[];
const ASSIGN = COLUMN_LIST.slice(2)
  .map((c) => `${c} = @${c}`)
  .join(', ');
const SCOPE_FILTER: Record<ScanScope, string> = {
  devices: "AND module_id = ''",
  modules: "AND module_id <> ''",
  all: '',
};

export function openSqliteStore(dataDir: string): HubStore {
  const db = new Database(path.join(dataDir, 'hub.sqlite'));
  applySchema(db);
  const s = {
    get: db.prepare<[string, string], IdentityRow>(
      `SELECT ${COLUMNS} FROM identities WHERE device_id = ? AND module_id = ?`,
    ),
    // Positional parameters: binding by name costs a property lookup per column per row.
    insert: db.prepare(
      `INSERT OR IGNORE INTO identities (${COLUMNS}) VALUES (${COLUMN_LIST.map(() => '?').join(', ')})`,
    ),
    update: db.prepare(
      `UPDATE identities SET ${ASSIGN} WHERE device_id = @device_id AND module_id = @module_id`,
    ),
    deleteOne: db.prepare<[string, string]>(
      'DELETE FROM identities WHERE device_id = ? AND module_id = ?',
    ),
    deleteDevice: db.prepare<[string]>('DELETE FROM identities WHERE device_id = ?'),
    modules: db.prepare<[string], IdentityRow>(
      `SELECT ${COLUMNS} FROM identities WHERE device_id = ? AND module_id <> '' ORDER BY module_id`,
    ),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM identities'),
    stats: db.prepare<[], { status: string; n: number }>(
      "SELECT status, count(*) AS n FROM identities WHERE module_id = '' GROUP BY status",
    ),
    counterGet: db.prepare<[string], { value: number }>(
      'SELECT value FROM counters WHERE name = ?',
    ),
    counterSet: db.prepare<[string, number]>(
      'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value',
    ),
    jobSave: db.prepare<[string, string, string]>(
      'INSERT INTO jobs (job_id, start_time, doc) VALUES (?, ?, ?) ON CONFLICT(job_id) DO UPDATE SET doc = excluded.doc',
    ),
    jobGet: db.prepare<[string], { doc: string }>('SELECT doc FROM jobs WHERE job_id = ?'),
    jobList: db.prepare<[], { doc: string }>('SELECT doc FROM jobs ORDER BY start_time'),
    jobPurge: db.prepare<[string]>(
      'DELETE FROM job_errors WHERE job_id IN (SELECT job_id FROM jobs WHERE start_time < ?)',
    ),
    jobDelete: db.prepare<[string]>('DELETE FROM jobs WHERE start_time < ?'),
    errMax: db.prepare<[string], { m: number | null }>(
      'SELECT max(seq) AS m FROM job_errors WHERE job_id = ?',
    ),
    errInsert: db.prepare<[string, number, string]>(
      'INSERT INTO job_errors (job_id, seq, line) VALUES (?, ?, ?)',
    ),
    errRead: db.prepare<[string, number, number], { seq: number; line: string }>(
      'SELECT seq, line FROM job_errors WHERE job_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    confPut: db.prepare<[string, string, string]>(
      'INSERT INTO configurations (id, etag, doc) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET etag = excluded.etag, doc = excluded.doc',
    ),
    confGet: db.prepare<[string], { id: string; etag: string; doc: string }>(
      'SELECT id, etag, doc FROM configurations WHERE id = ?',
    ),
    confDelete: db.prepare<[string]>('DELETE FROM configurations WHERE id = ?'),
    confList: db.prepare<[], { id: string; etag: string; doc: string }>(
      'SELECT id, etag, doc FROM configurations ORDER BY id',
    ),
  };
  const scans = new Map<string, Database.Statement<[string, string, number], IdentityRow>>();
  const scan = (scope: ScanScope, after: ScanCursor | undefined, limit: number): IdentityRow[] => {
    const key = `${scope}:${after ? 'after' : 'first'}`;
    let statement = scans.get(key);
    if (!statement) {
      const where = after ? '(device_id, module_id) > (?, ?)' : '? IS NOT NULL AND ? IS NOT NULL';
      statement = db.prepare(
        `SELECT ${COLUMNS} FROM identities WHERE ${where} ${SCOPE_FILTER[scope]} ORDER BY device_id, module_id LIMIT ?`,
      );
      scans.set(key, statement);
    }
    return statement.all(after?.deviceId ?? '', after?.moduleId ?? '', limit);
  };
  const cursorOf = (rows: IdentityRow[]): ScanCursor | undefined => {
    const last = rows[rows.length - 1];
    return last ? { deviceId: last.device_id, moduleId: last.module_id } : undefined;
  };

  let count = s.count.get()?.n ?? 0;
  let etagCounter = s.counterGet.get('etag')?.value ?? 0;
  let savedEtag = etagCounter;
  const runInTransaction = db.transaction(<T>(fn: () => T): T => {
    const result = fn();
    if (etagCounter !== savedEtag) s.counterSet.run('etag', etagCounter);
    return result;
  });

  const store: HubStore = {
    getIdentity: (deviceId, moduleId) => {
      const row = s.get.get(deviceId, moduleId);
      return row ? fromRow(row) : undefined;
    },
    insertIdentity: (identity: Identity) => {
      const row = toRow(identity);
      const inserted = s.insert.run(COLUMN_LIST.map((c) => row[c])).changes > 0;
      if (inserted) count += 1;
      return inserted;
    },
    updateIdentity: (identity: Identity) => void s.update.run(toRow(identity)),
    deleteIdentity: (deviceId, moduleId) => {
      const removed = (
        moduleId ? s.deleteOne.run(deviceId, moduleId) : s.deleteDevice.run(deviceId)
      ).changes;
      count -= removed;
      return removed;
    },
    listModules: (deviceId) => s.modules.all(deviceId).map(fromRow),
    scanIdentities: (after, limit, scope): IdentityPage => {
      const rows = scan(scope, after, limit);
      return { items: rows.map(fromRow), last: cursorOf(rows) };
    },
    scanExportLines: (after, limit, excludeKeys): ExportPage => {
      const rows = scan('all', after, limit);
      return { lines: rows.map((row) => exportLine(row, excludeKeys)), last: cursorOf(rows) };
    },
    identityCount: () => count,
    deviceStatistics: (): DeviceStatistics => {
      const byStatus = new Map(s.stats.all().map((r) => [r.status, r.n]));
      const enabled = byStatus.get('enabled') ?? 0;
      const disabled = byStatus.get('disabled') ?? 0;
      return {
        totalDeviceCount: enabled + disabled,
        enabledDeviceCount: enabled,
        disabledDeviceCount: disabled,
      };
    },
    nextEtag: () => ++etagCounter,
    transaction: <T>(fn: () => T): T => {
      try {
        const result = runInTransaction(fn) as T;
        savedEtag = etagCounter;
        return result;
      } catch (error) {
        // The rollback undid rows the in-memory counters already counted.
        count = s.count.get()?.n ?? 0;
        etagCounter = savedEtag;
        throw error;
      }
    },
    saveJob: (job) => void s.jobSave.run(job.jobId, job.startTimeUtc, JSON.stringify(job)),
    getJob: (jobId) => {
      const row = s.jobGet.get(jobId);
      return row ? (JSON.parse(row.doc) as JobRecord) : undefined;
    },
    listJobs: () => s.jobList.all().map((row) => JSON.parse(row.doc) as JobRecord),
    deleteJobsStartedBefore: (isoTime) => {
      s.jobPurge.run(isoTime);
      s.jobDelete.run(isoTime);
    },
    appendJobErrors: (jobId, lines) => {
      let seq = s.errMax.get(jobId)?.m ?? 0;
      for (const line of lines) s.errInsert.run(jobId, ++seq, line);
    },
    readJobErrors: (jobId, afterSeq, limit) => s.errRead.all(jobId, afterSeq, limit),
    putConfiguration: (c: StoredConfiguration) =>
      void s.confPut.run(c.id, c.etag, JSON.stringify(c.doc)),
    getConfiguration: (id) => {
      const row = s.confGet.get(id);
      return row
        ? { id: row.id, etag: row.etag, doc: JSON.parse(row.doc) as Record<string, unknown> }
        : undefined;
    },
    deleteConfiguration: (id) => s.confDelete.run(id).changes > 0,
    listConfigurations: () =>
      s.confList.all().map((row) => ({
        id: row.id,
        etag: row.etag,
        doc: JSON.parse(row.doc) as Record<string, unknown>,
      })),
    close: () => db.close(),
  };
  return store;
}
