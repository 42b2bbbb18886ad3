// Every page of the console lives under /hubs/{hubId}/..., so a URL says which hub it shows and a
// shared link or a reload lands on the same hub. These functions only read and build paths; the
// app's router host applies them.

export const HUB_URL_PREFIX = '/hubs/';
export const REMEMBERED_HUB_KEY = 'iot-bulk.hub';

export interface HubUrl {
  hubId: string;
  /** The page's path inside the hub, always starting with `/` (`/` is the overview). */
  pagePath: string;
}

/** `/hubs/hub-b/jobs/7` -> `{ hubId: 'hub-b', pagePath: '/jobs/7' }`; null for an unprefixed path. */
export function parseHubUrl(pathname: string): HubUrl | null {
  if (!pathname.startsWith(HUB_URL_PREFIX)) return null;
  const rest = pathname.slice(HUB_URL_PREFIX.length);
  const slash = rest.indexOf('/');
  const encoded = slash < 0 ? rest : rest.slice(0, slash);
  if (encoded === '') return null;
  let hubId: string;
  try {
    hubId = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return { hubId, pagePath: slash < 0 ? '/' : rest.slice(slash) };
}

/** The router's basename for one hub: every absolute link of the pages resolves under it. */
export function hubBasePath(hubId: string): string {
  return `${HUB_URL_PREFIX}${encodeURIComponent(hubId)}`;
}

/** The page an unprefixed URL names: `/import` is the import page, `/hubs` alone the overview. */
export function pagePathOfUnprefixed(pathname: string): string {
  return pathname === '/hubs' || pathname === HUB_URL_PREFIX || pathname === '' ? '/' : pathname;
}

export function hubPageUrl(hubId: string, pagePath: string, search = '', hash = ''): string {
  const page = pagePath === '/' ? '' : pagePath;
  return `${hubBasePath(hubId)}${page === '' ? '/' : page}${search}${hash}`;
}

/**
 * The page to show on another hub: the same kind of page, without what names a record of the
 * hub being left (a job, an export, the exports a diff compares), which the other hub does not
 * have. `/jobs/7/errors` -> `/jobs`, `/exports/x` -> `/exports`, `/diff?a=..&b=..` -> `/diff`.
 */
export function pagePathOnOtherHub(pagePath: string): string {
  const [first = ''] = pagePath.split('/').filter((segment) => segment !== '');
  return first === '' ? '/' : `/${first}`;
}

/** The hub an unprefixed URL goes to: the one remembered in this browser if still offered, else the first. */
export function chooseStartHub(
  hubIds: readonly string[],
  remembered: string | null,
): string | null {
  if (remembered !== null && hubIds.includes(remembered)) return remembered;
  return hubIds[0] ?? null;
}

export function readRememberedHub(storage: Pick<Storage, 'getItem'> | null): string | null {
  try {
    return storage?.getItem(REMEMBERED_HUB_KEY) ?? null;
  } catch {
    // Storage can be disabled by the browser's privacy settings: no memory, the first hub.
    return null;
  }
}

export function rememberHub(storage: Pick<Storage, 'setItem'> | null, hubId: string): void {
  try {
    storage?.setItem(REMEMBERED_HUB_KEY, hubId);
  } catch {
    // As above: without storage the next unprefixed URL opens the first hub.
  }
}
