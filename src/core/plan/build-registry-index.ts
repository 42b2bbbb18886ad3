import { deviceKey } from '../registry/device-key';
import { IssueList } from '../registry/issue-list';
import type { RegistryIssue, RegistryIssueCode } from '../registry/registry-types';
import { detachString } from './detach-string';
import { readScopeFields } from './read-scope-fields';
import { readLineKey } from './read-line-key';
import type { TouchedDevices } from './scan-touched-devices';
import { createLineSplitter, isBlankLine } from '../text/split-text-lines';

/** What the planner knows of the registry before the first import line is applied. */
export interface RegistryIndex {
  /** Line text by `deviceKey(id, moduleId)`, for the touched devices and their modules only. */
  records: Map<string, string>;
  /** Module ids of each touched device. */
  modulesOf: Map<string, string[]>;
  /** Undefined when every device was kept. */
  touched: TouchedDevices | undefined;
  /** Devices and modules in the whole export: the hub's cap counts both. */
  identityCount: number;
  /** Devices alone, as the hub's device statistics count them. */
  deviceCount: number;
  /** deviceScope -> id of the edge device holding it, over the whole export. */
  edgeScopes: Map<string, string>;
  /** deviceScope -> how many leaf devices name it as their parent, over the whole export. */
  childrenOfScope: Map<string, number>;
  /** Records exported with `"authentication":null` (a keys-excluded export). */
  withoutAuthentication: number;
  issues: RegistryIssue[];
  issueCounts: Partial<Record<RegistryIssueCode, number>>;
}

export interface RegistryIndexBuilder {
  push(chunk: string): void;
  finish(): RegistryIndex;
  /** Records read so far, for progress. */
  readonly records: number;
}

const NULL_AUTH = '"authentication":null';

/**
 * The second pass: the registry export (devices.txt with keys) in text chunks, kept as line text
 * for the touched devices only (parsed again when a row needs one); every other line costs a key
 * lookup and a few substring tests. Lines follow the export reader's rules: a first non-JSON line
 * is the keys-excluded warning and is skipped, a later one is an error, and when a device appears
 * twice the later line wins. Duplicates are looked for among the kept records only: a hub export
 * never repeats a key, and a set of a million keys only for that would double the memory.
 */
export function createRegistryIndex(
  options: { touched?: TouchedDevices; maxIssues?: number } = {},
): RegistryIndexBuilder {
  const touched = options.touched;
  const issues = new IssueList(options.maxIssues);
  const index: RegistryIndex = {
    records: new Map(),
    modulesOf: new Map(),
    touched,
    identityCount: 0,
    deviceCount: 0,
    edgeScopes: new Map(),
    childrenOfScope: new Map(),
    withoutAuthentication: 0,
    issues: issues.issues,
    issueCounts: issues.counts,
  };
  let sawContent = false;
  const keptInChunk: string[] = [];
  let keptChars = 0;

  const splitter = createLineSplitter((text, line) => {
    if (isBlankLine(text)) return;
    const key = readLineKey(text);
    if (key === undefined) {
      if (!sawContent && text.trimStart().charCodeAt(0) !== 123) {
        issues.add(line, 'leading-comment-line', 'notice', `line ${line} is not JSON: skipped`);
      } else {
        issues.add(line, 'invalid-json', 'error', `line ${line} is not a device line: skipped`);
      }
      sawContent = true;
      return;
    }
    sawContent = true;
    index.identityCount++;
    if (text.includes(NULL_AUTH)) index.withoutAuthentication++;
    if (key.moduleId === undefined) {
      index.deviceCount++;
      noteScopes(text, key.id);
    }
    if (touched !== undefined && !touched.has(key.id)) return;
    keep(key.id, key.moduleId, text, line);
  });

  function noteScopes(text: string, id: string): void {
    const scopes = readScopeFields(text);
    if (scopes === undefined) return;
    if (scopes.edgeScope !== undefined) index.edgeScopes.set(scopes.edgeScope, id);
    const parent = scopes.parentScope;
    if (parent !== undefined)
      index.childrenOfScope.set(parent, (index.childrenOfScope.get(parent) ?? 0) + 1);
  }

  // Kept ids are copied out of the chunk they were read from (see detachString); kept lines are
  // copied only when they are a small part of their chunk (see settleChunk).
  function keep(cutId: string, cutModuleId: string | undefined, text: string, line: number): void {
    const id = detachString(cutId);
    const moduleId = cutModuleId === undefined ? undefined : detachString(cutModuleId);
    const key = deviceKey(id, moduleId);
    if (index.records.has(key)) {
      index.identityCount--;
      if (moduleId === undefined) index.deviceCount--;
      issues.add(
        line,
        'duplicate-device',
        'warning',
        `line ${line} repeats ${describe(id, moduleId)}; the later line is used`,
      );
    } else if (moduleId !== undefined) {
      const modules = index.modulesOf.get(id);
      if (modules === undefined) index.modulesOf.set(id, [moduleId]);
      else modules.push(moduleId);
    }
    index.records.set(key, text);
    keptInChunk.push(key);
    keptChars += text.length;
  }

  // A line kept as a slice holds its whole 1 MiB chunk. Where most of a chunk is kept that costs
  // little, and copying every line would leave the chunks behind as garbage: with an index of the
  // whole export that doubled the peak memory until the collector caught up. Where little is kept,
  // the lines are copied and the chunk can go.
  function settleChunk(chunkLength: number): void {
    if (keptChars * 2 < chunkLength) {
      for (const key of keptInChunk) {
        const text = index.records.get(key);
        if (text !== undefined) index.records.set(key, detachString(text));
      }
    }
    keptInChunk.length = 0;
    keptChars = 0;
  }

  return {
    get records() {
      return index.identityCount;
    },
    push(chunk) {
      splitter.push(chunk);
      settleChunk(chunk.length);
    },
    finish() {
      splitter.end();
      settleChunk(Number.POSITIVE_INFINITY);
      return index;
    },
  };
}

function describe(id: string, moduleId: string | undefined): string {
  return moduleId === undefined ? `device "${id}"` : `module "${moduleId}" of device "${id}"`;
}
