import { decodedBase64Length } from '../convert/base64';
import { checkDeviceId, isThumbprint } from '../convert/validate-device-id';
import {
  DESIRED_MAX_BYTES,
  findKeyOrDepthProblem,
  TAGS_MAX_BYTES,
  validateTwinCollection,
} from '../convert/validate-twin-collection';
import type { AuthInput, ImportLine } from './import-line-types';

const MAX_STATUS_REASON = 128;
const REPORTED_MAX_BYTES = 32 * 1024;

/**
 * The hub's value rules for a line it could read
 * (docs/reference/hub-wire-contract.md#device-identities, #twins, #limits); a broken one is a
 * 400004 ArgumentInvalid line in importErrors.log. `creating` matters for the `$` prefix of module
 * ids, which only the hub's own edge modules may carry. The text names the rule, never a key.
 */
export function validateImportLine(
  line: ImportLine,
  creating: boolean,
  strictIds: boolean,
): string | undefined {
  const idCheck = checkDeviceId(line.id);
  if (idCheck !== 'ok' && (strictIds || idCheck !== 'plus-or-hash'))
    return `the device id "${line.id}" is not a valid id`;
  if (line.moduleId !== undefined) {
    const moduleCheck = checkDeviceId(line.moduleId);
    if (moduleCheck !== 'ok' && (strictIds || moduleCheck !== 'plus-or-hash'))
      return `the module id "${line.moduleId}" is not a valid id`;
    if (creating && line.moduleId.startsWith('$'))
      return `the module id "${line.moduleId}" is reserved for the edge runtime`;
  }
  if (typeof line.statusReason === 'string' && line.statusReason.length > MAX_STATUS_REASON)
    return `statusReason is longer than ${MAX_STATUS_REASON} characters`;
  if (line.authentication) {
    const problem = authenticationProblem(line.authentication, line.moduleId !== undefined);
    if (problem !== undefined) return problem;
  }
  return twinProblem(line);
}

function authenticationProblem(auth: AuthInput, isModule: boolean): string | undefined {
  if (auth.type === 'none' && !isModule)
    return 'authentication type "none" is not allowed for a device';
  const hasKey = auth.primaryKey !== null || auth.secondaryKey !== null;
  if (hasKey && (auth.primaryKey === null || auth.secondaryKey === null))
    return 'either no keys or both keys can be set';
  for (const key of [auth.primaryKey, auth.secondaryKey]) {
    if (key === null) continue;
    const bytes = decodedBase64Length(key);
    if (bytes < 16 || bytes > 64) return 'a key is not base64 of 16 to 64 bytes';
  }
  const hasThumbprint = auth.primaryThumbprint !== null || auth.secondaryThumbprint !== null;
  for (const thumbprint of [auth.primaryThumbprint, auth.secondaryThumbprint]) {
    if (thumbprint !== null && !isThumbprint(thumbprint))
      return 'a thumbprint is not 40 or 64 hex characters';
  }
  if (hasKey && hasThumbprint) return 'symmetric keys and thumbprints cannot both be set';
  if (auth.type === 'selfSigned' && auth.primaryThumbprint === null)
    return 'selfSigned authentication needs a primary thumbprint';
  if (auth.type === 'selfSigned' && hasKey) return 'selfSigned authentication cannot carry keys';
  if (auth.type === 'sas' && hasThumbprint) return 'sas authentication cannot carry thumbprints';
  if ((auth.type === 'certificateAuthority' || auth.type === 'none') && (hasKey || hasThumbprint))
    return `${auth.type} authentication cannot carry keys or thumbprints`;
  return undefined;
}

// A UTF-16 unit is at most 3 UTF-8 bytes: in a line that short no section or value can be over
// its limit, so only keys and depth are looked at, without serialising the sections again.
const SHORT_LINE = Math.floor(4096 / 3);

function twinProblem(line: ImportLine): string | undefined {
  const short = line.text.length <= SHORT_LINE;
  const sections = [
    ['tags', line.tags, TAGS_MAX_BYTES],
    ['properties.desired', line.desired, DESIRED_MAX_BYTES],
    ['properties.reported', line.reported, REPORTED_MAX_BYTES],
  ] as const;
  for (const [name, section, maxBytes] of sections) {
    if (section === undefined) continue;
    const problem = short
      ? findKeyOrDepthProblem(section, 1, true)
      : validateTwinCollection(section, maxBytes, true, true);
    if (problem === null) continue;
    if (problem.kind === 'too-large') return `${name} is larger than ${maxBytes} bytes`;
    if (problem.kind === 'too-deep') return `${name} is nested deeper than 10 levels`;
    if (problem.kind === 'value-too-large') return `a value in ${name} is longer than 4 KB`;
    return `${name} has a property name the hub refuses`;
  }
  return undefined;
}
