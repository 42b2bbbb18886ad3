// Allowed id characters (docs/reference/hub-wire-contract.md#limits): ASCII alphanumerics plus - .
// % _ * ? ! ( ) , : = @ $ '. `+` and `#` are "not supported" in the current docs but accepted by
// the live service (docs/reference/hub-wire-contract.md#recorded-traffic), so they pass with a
// warning unless the strict option is on.
const ALLOWED = /^[A-Za-z0-9\-.%_*?!(),:=@$']{1,128}$/;
const WITH_PLUS_HASH = /^[A-Za-z0-9\-.%_*?!(),:=@$'+#]{1,128}$/;

export type IdCheck = 'ok' | 'empty' | 'too-long' | 'plus-or-hash' | 'bad-chars';

export function checkDeviceId(id: string): IdCheck {
  if (ALLOWED.test(id)) return 'ok';
  if (id.length === 0) return 'empty';
  if (id.length > 128) return 'too-long';
  if (WITH_PLUS_HASH.test(id)) return 'plus-or-hash';
  return 'bad-chars';
}

/**
 * Module ids share the set; `+` and `#` are listed as allowed for modules, and a `$` prefix is
 * reserved.
 */
export function checkModuleId(id: string): IdCheck | 'reserved' {
  if (id.startsWith('$')) return 'reserved';
  const check = checkDeviceId(id);
  return check === 'plus-or-hash' ? 'ok' : check;
}

const HEX = /^[0-9A-Fa-f]+$/;

export function isThumbprint(value: string): boolean {
  return (value.length === 40 || value.length === 64) && HEX.test(value);
}
