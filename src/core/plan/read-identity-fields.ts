import { isObject, parseAuthType, parseStatus } from './identity-state';
import type { AuthInput, ImportLine } from './import-line-types';

// The identity half of a line as the hub reads it
// (docs/reference/hub-wire-contract.md#line-fields): what it cannot read is a message for a 400012
// row, what it can is copied into the line.
export function readIdentityFields(
  json: Record<string, unknown>,
  line: ImportLine,
): string | undefined {
  if (json.status !== undefined && json.status !== null) {
    const status = parseStatus(json.status);
    if (status === undefined)
      return `"status" ${JSON.stringify(json.status)} is not enabled or disabled`;
    line.status = status;
  }
  if (json.statusReason !== undefined) {
    if (json.statusReason !== null && typeof json.statusReason !== 'string')
      return '"statusReason" is not a string';
    line.statusReason = json.statusReason;
  }
  const auth = json.authentication;
  if (auth === null) line.authentication = null;
  else if (auth !== undefined) {
    if (!isObject(auth)) return '"authentication" is not an object';
    const input = authInput(auth);
    if (typeof input === 'string') return input;
    line.authentication = input;
  }
  if (json.capabilities !== undefined && json.capabilities !== null) {
    if (!isObject(json.capabilities)) return '"capabilities" is not an object';
    line.iotEdge = json.capabilities.iotEdge === true;
  }
  if (typeof json.deviceScope === 'string' || json.deviceScope === null)
    line.deviceScope = json.deviceScope === '' ? null : json.deviceScope;
  if (Array.isArray(json.parentScopes))
    line.parentScopes = json.parentScopes.filter(
      (s): s is string => typeof s === 'string' && s !== '',
    );
  return undefined;
}

function authInput(auth: Record<string, unknown>): AuthInput | string {
  const input: AuthInput = {
    primaryKey: null,
    secondaryKey: null,
    primaryThumbprint: null,
    secondaryThumbprint: null,
  };
  if (auth.type !== undefined && auth.type !== null) {
    const type = parseAuthType(auth.type);
    if (type === undefined)
      return `"authentication.type" ${JSON.stringify(auth.type)} is not sas, selfSigned, certificateAuthority or none`;
    input.type = type;
  }
  if (isObject(auth.symmetricKey)) {
    input.primaryKey = stringOrNull(auth.symmetricKey.primaryKey);
    input.secondaryKey = stringOrNull(auth.symmetricKey.secondaryKey);
  }
  if (isObject(auth.x509Thumbprint)) {
    input.primaryThumbprint = stringOrNull(auth.x509Thumbprint.primaryThumbprint);
    input.secondaryThumbprint = stringOrNull(auth.x509Thumbprint.secondaryThumbprint);
  }
  return input;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
