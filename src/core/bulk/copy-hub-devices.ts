import type { RegistryEntry } from '../registry/registry-types';
import { copyDeviceLine, COPY_SKIP_REASONS, type CopyMode } from './copy-device-line';
import { createEdgeHierarchy } from './edge-hierarchy';

// The copy of a hub's devices and modules as passes over its export, so a million-line export is
// never held (docs/bulk-flows.md, "Copy a hub into another"). An export is ordered by id, not by
// hierarchy, and the target refuses a child whose parent's scope it does not hold yet (docs/hub-
// emulator.md, "Edge devices and scopes": across the hub's batches a child must come with its
// parent or later). So: pass `index` learns the edge devices; then one write pass per depth of the
// edge hierarchy writes the edge devices of that depth; the last write pass writes every other
// device and module in export order. Only the edge devices and the modules that come before their
// own device in the export are held.

export interface SkippedLine {
  /** The physical line of the export. */
  line: number;
  id: string;
  moduleId?: string;
  reason: string;
}

export interface CopyPassOutput {
  /** Import lines, without line ends. */
  lines: string[];
  /** Lines of the export left out, each with its reason. */
  skipped: SkippedLine[];
  /** Lines copied with a change the target needs, each with its reason. */
  notes: SkippedLine[];
}

export interface CopyCounts {
  devices: number;
  modules: number;
  skipped: Map<string, number>;
  notes: Map<string, number>;
}

export interface HubDeviceCopy {
  /** The index pass: every entry of the export, once, before any write pass. */
  index(entries: readonly RegistryEntry[]): void;
  /** The write passes that follow the index, each a full read of the export. */
  readonly writePasses: number;
  /** Write pass `pass` (0-based) over the next entries of the export. */
  write(pass: number, entries: readonly RegistryEntry[]): CopyPassOutput;
  /** The end of write pass `pass`: what it held. */
  endPass(pass: number): CopyPassOutput;
  readonly counts: CopyCounts;
}

export function createHubDeviceCopy(mode: CopyMode): HubDeviceCopy {
  const hierarchy = createEdgeHierarchy();
  // Devices left out (edge devices in their pass, others in the last one), so their modules are
  // left out too. Few on an export with keys: the reasons are per device, not per hub.
  const notCopied = new Set<string>();
  const counts: CopyCounts = { devices: 0, modules: 0, skipped: new Map(), notes: new Map() };
  let held: RegistryEntry[] = [];
  let lastDevice: { id: string; copied: boolean } | undefined;

  const bump = (map: Map<string, number>, reason: string): void => {
    map.set(reason, (map.get(reason) ?? 0) + 1);
  };
  const restPass = (): number => hierarchy.maxDepth + 1;

  function emit(entry: RegistryEntry, out: CopyPassOutput): boolean {
    const result = copyDeviceLine(entry, mode, hierarchy);
    const where = whereOf(entry);
    if ('skipped' in result) {
      bump(counts.skipped, result.skipped);
      out.skipped.push({ ...where, reason: result.skipped });
      return false;
    }
    if (result.note !== undefined) {
      bump(counts.notes, result.note);
      out.notes.push({ ...where, reason: result.note });
    }
    if (entry.moduleId === undefined) counts.devices++;
    else counts.modules++;
    out.lines.push(result.line);
    return true;
  }

  function skip(entry: RegistryEntry, reason: string, out: CopyPassOutput): void {
    bump(counts.skipped, reason);
    out.skipped.push({ ...whereOf(entry), reason });
  }

  // A module goes after its device: right away when its device was just written (exports list a
  // device's modules after it) or is an edge device (written in an earlier pass); otherwise it
  // waits for the end of the pass.
  function writeModule(entry: RegistryEntry, out: CopyPassOutput): void {
    if (hierarchy.isEdge(entry.id)) {
      if (notCopied.has(entry.id)) skip(entry, COPY_SKIP_REASONS.deviceNotCopied, out);
      else emit(entry, out);
      return;
    }
    if (lastDevice?.id !== entry.id) {
      held.push(entry);
      return;
    }
    if (lastDevice.copied) emit(entry, out);
    else skip(entry, COPY_SKIP_REASONS.deviceNotCopied, out);
  }

  return {
    index(entries) {
      for (const entry of entries) hierarchy.add(entry);
    },
    get writePasses() {
      return restPass() + 1;
    },
    write(pass, entries) {
      const out: CopyPassOutput = { lines: [], skipped: [], notes: [] };
      const rest = pass === restPass();
      for (const entry of entries) {
        const depth = entry.moduleId === undefined ? hierarchy.depthOf(entry.id) : undefined;
        if (!rest) {
          if (depth === pass && !emit(entry, out)) notCopied.add(entry.id);
          continue;
        }
        if (depth !== undefined) continue;
        if (entry.moduleId !== undefined) {
          writeModule(entry, out);
          continue;
        }
        lastDevice = { id: entry.id, copied: emit(entry, out) };
        if (!lastDevice.copied) notCopied.add(entry.id);
      }
      return out;
    },
    endPass(pass) {
      const out: CopyPassOutput = { lines: [], skipped: [], notes: [] };
      if (pass !== restPass()) return out;
      const waiting = held;
      held = [];
      // Modules whose device the export lists later: written by now, or left out (a module whose
      // device is not in the export at all goes as it is, and the target answers 404001).
      for (const entry of waiting) {
        if (notCopied.has(entry.id)) skip(entry, COPY_SKIP_REASONS.deviceNotCopied, out);
        else emit(entry, out);
      }
      lastDevice = undefined;
      return out;
    },
    counts,
  };
}

function whereOf(entry: RegistryEntry): Omit<SkippedLine, 'reason'> {
  return {
    line: entry.line,
    id: entry.id,
    ...(entry.moduleId !== undefined ? { moduleId: entry.moduleId } : {}),
  };
}
