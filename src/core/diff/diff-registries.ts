import type { ExportImportDevice } from '../model/export-import-device';
import { compareDeviceKeys } from '../registry/device-key';
import { readRecordDevice } from '../registry/read-record-device';
import type { RegistryRecord, RegistrySnapshot } from '../registry/registry-types';
import { compareDevices } from './compare-devices';
import { computeSignature } from './compute-signature';
import type { DeviceChange, DiffNotice, DiffOptions, RegistryDiff } from './diff-types';

interface KeyedChange {
  key: string;
  change: DeviceChange;
}

/**
 * Keyed by id + moduleId, independent of line order. Most devices of two snapshots are equal, so
 * each pair is first compared by its line text; only pairs whose text differs are parsed again,
 * compared by signature (which leaves out version fields and reported properties), and only if
 * that differs too, field by field.
 */
export function diffRegistries(
  a: RegistrySnapshot,
  b: RegistrySnapshot,
  options: DiffOptions = {},
): RegistryDiff {
  const opts = {
    includeVersionFields: options.includeVersionFields === true,
    includeReported: options.includeReported === true,
  };
  const signatureDecides = !opts.includeVersionFields && !opts.includeReported;
  const found: KeyedChange[] = [];
  const summary = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  let matched = 0;

  for (const [key, ra] of a.records) {
    const rb = b.records.get(key);
    if (rb === undefined) {
      summary.removed++;
      found.push({ key, change: change(ra, 'removed', []) });
      continue;
    }
    matched++;
    if (ra.text === rb.text) {
      summary.unchanged++;
      continue;
    }
    const da = parse(ra);
    const db = parse(rb);
    const withAuth = da.authentication != null && db.authentication != null;
    if (signatureDecides && computeSignature(da, withAuth) === computeSignature(db, withAuth)) {
      summary.unchanged++;
      continue;
    }
    const result = compareDevices(da, db, opts);
    if (result.changed.length === 0) {
      summary.unchanged++;
    } else {
      summary.changed++;
      found.push({ key, change: change(ra, 'changed', result.changed) });
    }
  }
  // Every key of B was matched already when the counts agree, which spares a second 1M-entry pass.
  if (matched < b.records.size) {
    for (const [key, rb] of b.records) {
      if (a.records.has(key)) continue;
      summary.added++;
      found.push({ key, change: change(rb, 'added', []) });
    }
  }
  found.sort((x, y) => compareDeviceKeys(x.key, y.key));
  return { summary, changes: found.map((f) => f.change), notices: notices(a, b), options: opts };
}

function change(
  record: RegistryRecord,
  kind: DeviceChange['kind'],
  fields: string[],
): DeviceChange {
  const c: DeviceChange = { id: record.id, kind, fields };
  if (record.moduleId !== undefined) c.moduleId = record.moduleId;
  return c;
}

function parse(record: RegistryRecord): ExportImportDevice {
  return readRecordDevice(record.text);
}

// From the snapshots' counts rather than from the compare loop: two keys-excluded exports are equal
// by text and never reach the field-level compare, yet the user must learn keys were not compared.
function notices(a: RegistrySnapshot, b: RegistrySnapshot): DiffNotice[] {
  const out: DiffNotice[] = [];
  const noAuthA = a.stats.withoutAuthentication;
  const noAuthB = b.stats.withoutAuthentication;
  if (noAuthA > 0 || noAuthB > 0) {
    out.push({
      code: 'authentication-not-compared',
      count: Math.max(noAuthA, noAuthB),
      message: `authentication is not compared for records exported without it (keys excluded): ${noAuthA} in A, ${noAuthB} in B`,
    });
  }
  const someRecords = a.records.size > 0 && b.records.size > 0;
  if (someRecords && (a.stats.withKeys === 0 || b.stats.withKeys === 0)) {
    const side =
      a.stats.withKeys === 0 && b.stats.withKeys === 0
        ? 'neither A nor B carries'
        : a.stats.withKeys === 0
          ? 'A does not carry'
          : 'B does not carry';
    out.push({
      code: 'keys-not-compared',
      count: Math.max(a.records.size, b.records.size),
      message: `key changes cannot be seen: ${side} symmetric keys`,
    });
  }
  return out;
}
