import { decodedBase64Length } from './base64';
import { isThumbprint } from './validate-device-id';
import type { RowDraft } from './row-draft';
import type { IssueCodeOf } from '../issues/issue-catalogue';

export interface AuthProblem {
  field: string;
  code: IssueCodeOf<'error'>;
  message: string;
}

/**
 * The authentication a row asks for, as a tag (no allocation per row; the line writer reads keys
 * and
 * thumbprints from the draft). `keys-missing`: a SAS device without keys, for the key policy to
 * decide.
 */
export type AuthKind = 'sas' | 'keys-missing' | 'selfSigned' | 'certificateAuthority';
export type AuthResult = AuthKind | AuthProblem;

function normaliseAuthType(raw: string): 'sas' | 'selfSigned' | 'certificateAuthority' | undefined {
  const lower = raw.toLowerCase().replace(/[\s_-]+/g, '');
  if (lower === 'sas' || lower === 'symmetrickey') return 'sas';
  if (lower === 'selfsigned' || lower === 'x509selfsigned' || lower === 'x509') return 'selfSigned';
  if (lower === 'certificateauthority' || lower === 'ca' || lower === 'x509ca')
    return 'certificateAuthority';
  return undefined;
}

function checkKey(value: string | undefined, field: string): AuthProblem | undefined {
  if (value === undefined) return undefined;
  const bytes = decodedBase64Length(value);
  if (bytes >= 16 && bytes <= 64) return undefined;
  return {
    field,
    code: 'KEY_INVALID',
    message:
      bytes < 0
        ? `${field} is not valid base64`
        : `${field} decodes to ${bytes} bytes; the hub needs 16 to 64`,
  };
}

function checkThumbprint(value: string | undefined, field: string): AuthProblem | undefined {
  if (value === undefined || isThumbprint(value)) return undefined;
  return {
    field,
    code: 'THUMBPRINT_INVALID',
    message: `${field} must be 40 or 64 hexadecimal characters`,
  };
}

// Rules from docs/reference/hub-wire-contract.md#limits: keys are base64 of 16-64 bytes, both or
// neither; thumbprints are 40 or 64 hex; keys and thumbprints never together.
export function resolveAuthentication(d: RowDraft): AuthResult {
  const type = d.authType === undefined ? undefined : normaliseAuthType(d.authType);
  if (d.authType !== undefined && type === undefined) {
    return {
      field: 'authType',
      code: 'AUTH_TYPE_INVALID',
      message: `authType "${d.authType}" is not sas, selfSigned or certificateAuthority`,
    };
  }
  const problem =
    checkKey(d.primaryKey, 'primaryKey') ??
    checkKey(d.secondaryKey, 'secondaryKey') ??
    checkThumbprint(d.primaryThumbprint, 'primaryThumbprint') ??
    checkThumbprint(d.secondaryThumbprint, 'secondaryThumbprint');
  if (problem) return problem;
  const hasKeys = d.primaryKey !== undefined || d.secondaryKey !== undefined;
  const hasThumbprints = d.primaryThumbprint !== undefined || d.secondaryThumbprint !== undefined;
  if (hasKeys && hasThumbprints) {
    return {
      field: 'authentication',
      code: 'KEYS_AND_THUMBPRINTS',
      message: 'a device has either symmetric keys or thumbprints, not both',
    };
  }
  if (hasKeys && (d.primaryKey === undefined || d.secondaryKey === undefined)) {
    const missing = d.primaryKey === undefined ? 'primaryKey' : 'secondaryKey';
    return {
      field: missing,
      code: 'KEYS_BOTH_OR_NEITHER',
      message: 'give both keys or neither (the hub then generates them)',
    };
  }
  const effective = type ?? (hasThumbprints ? 'selfSigned' : 'sas');
  if (effective === 'sas') {
    if (hasThumbprints)
      return {
        field: 'authType',
        code: 'AUTH_TYPE_MISMATCH',
        message: 'authType sas cannot carry thumbprints',
      };
    return hasKeys ? 'sas' : 'keys-missing';
  }
  if (hasKeys)
    return {
      field: 'authType',
      code: 'AUTH_TYPE_MISMATCH',
      message: `authType ${effective} cannot carry symmetric keys`,
    };
  if (effective === 'certificateAuthority') {
    if (hasThumbprints)
      return {
        field: 'authType',
        code: 'AUTH_TYPE_MISMATCH',
        message: 'authType certificateAuthority cannot carry thumbprints',
      };
    return 'certificateAuthority';
  }
  if (d.primaryThumbprint === undefined) {
    return {
      field: 'primaryThumbprint',
      code: 'THUMBPRINT_REQUIRED',
      message: 'a selfSigned device needs a primaryThumbprint',
    };
  }
  return 'selfSigned';
}
