import type { MappingTarget } from './types';

// Header names seen in real device lists: our own template, the hub's export fields (flattened by
// flatten-json-device.ts), IoT Central's export (IOTC_*), and common spreadsheet spellings.
// Keys are normalised: lower case without spaces, underscores, dashes and dots.
const ALIASES: Record<string, MappingTarget> = {
  id: 'id',
  deviceid: 'id',
  iotcdeviceid: 'id',
  moduleid: 'moduleId',
  importmode: 'importMode',
  mode: 'importMode',
  status: 'status',
  statusreason: 'statusReason',
  authtype: 'authType',
  authenticationtype: 'authType',
  auth: 'authType',
  authentication: 'authType',
  authenticationmethod: 'authType',
  authmethod: 'authType',
  primarykey: 'primaryKey',
  authenticationsymmetrickeyprimarykey: 'primaryKey',
  symmetrickeyprimarykey: 'primaryKey',
  iotcsaskeyprimary: 'primaryKey',
  secondarykey: 'secondaryKey',
  authenticationsymmetrickeysecondarykey: 'secondaryKey',
  symmetrickeysecondarykey: 'secondaryKey',
  iotcsaskeysecondary: 'secondaryKey',
  primarythumbprint: 'primaryThumbprint',
  authenticationx509thumbprintprimarythumbprint: 'primaryThumbprint',
  x509thumbprintprimarythumbprint: 'primaryThumbprint',
  iotcx509thumbprintprimary: 'primaryThumbprint',
  secondarythumbprint: 'secondaryThumbprint',
  authenticationx509thumbprintsecondarythumbprint: 'secondaryThumbprint',
  x509thumbprintsecondarythumbprint: 'secondaryThumbprint',
  iotcx509thumbprintsecondary: 'secondaryThumbprint',
  etag: 'eTag',
  twinetag: 'twinETag',
  tags: 'tags',
  desired: 'desired',
  propertiesdesired: 'desired',
  desiredproperties: 'desired',
  reported: 'reported',
  propertiesreported: 'reported',
  reportedproperties: 'reported',
  iotedge: 'iotEdge',
  capabilitiesiotedge: 'iotEdge',
  edge: 'iotEdge',
  edgedevice: 'iotEdge',
  isedge: 'iotEdge',
  iotedgedevice: 'iotEdge',
  devicescope: 'deviceScope',
  parentscopes: 'parentScopes',
};

const DOTTED_PREFIXES: ReadonlyArray<
  readonly [string, 'tags' | 'properties.desired' | 'properties.reported']
> = [
  ['tags.', 'tags'],
  ['tag.', 'tags'],
  ['properties.desired.', 'properties.desired'],
  ['desired.', 'properties.desired'],
  ['properties.reported.', 'properties.reported'],
  ['reported.', 'properties.reported'],
];

export function normaliseColumnName(column: string): string {
  return column.toLowerCase().replace(/[\s_.-]+/g, '');
}

// Spreadsheet spellings of a twin column: "Tag: building", "tag building", "Desired: interval". The
// rest of the header is a single key; spaces in it become "_" because the hub refuses keys with
// spaces (docs/reference/hub-wire-contract.md#limits), and the admin can type another name in the
// mapping.
const LABELLED_PREFIX = /^(tags?|desired|reported)\s*:\s*(.+)$|^(tags?|desired|reported)\s+(.+)$/i;

const LABELLED_TARGETS: Record<string, 'tags' | 'properties.desired' | 'properties.reported'> = {
  tag: 'tags',
  tags: 'tags',
  desired: 'properties.desired',
  reported: 'properties.reported',
};

function labelledTarget(trimmed: string): MappingTarget | null {
  const match = LABELLED_PREFIX.exec(trimmed);
  if (match === null) return null;
  const label = (match[1] ?? match[3] ?? '').toLowerCase();
  const rest = (match[2] ?? match[4] ?? '').trim();
  const root = LABELLED_TARGETS[label];
  if (root === undefined || rest === '') return null;
  return `${root}.${rest.replace(/\s+/g, '_')}` as MappingTarget;
}

/** The field a column most likely holds, or null when the name says nothing we know. */
export function detectColumnTarget(column: string): MappingTarget | null {
  const trimmed = column.trim();
  const alias = ALIASES[normaliseColumnName(trimmed)];
  if (alias) return alias;
  const lower = trimmed.toLowerCase();
  for (const [prefix, target] of DOTTED_PREFIXES) {
    if (lower.startsWith(prefix) && trimmed.length > prefix.length) {
      const rest = trimmed.slice(prefix.length);
      return `${target}.${rest}` as MappingTarget;
    }
  }
  return labelledTarget(trimmed);
}

/** Whether a target string (e.g. from a user's mapping file) is one the engine understands. */
export function isMappingTarget(value: string): value is MappingTarget {
  if (value === 'ignore') return true;
  if (Object.values(ALIASES).includes(value as MappingTarget)) return true;
  return /^(tags|properties\.desired|properties\.reported)\.[^.]/.test(value);
}
