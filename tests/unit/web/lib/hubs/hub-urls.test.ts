import { describe, expect, it } from 'vitest';
import {
  chooseStartHub,
  hubBasePath,
  hubPageUrl,
  pagePathOfUnprefixed,
  pagePathOnOtherHub,
  parseHubUrl,
  readRememberedHub,
  rememberHub,
  REMEMBERED_HUB_KEY,
} from '../../../../../src/web/lib/hubs/hub-urls';

describe('hub urls', () => {
  it.each([
    ['/hubs/hub-b/jobs/7', { hubId: 'hub-b', pagePath: '/jobs/7' }],
    ['/hubs/hub-b/', { hubId: 'hub-b', pagePath: '/' }],
    ['/hubs/hub-b', { hubId: 'hub-b', pagePath: '/' }],
    ['/hubs/my%20hub/exports', { hubId: 'my hub', pagePath: '/exports' }],
  ])('reads the hub and the page of %s', (pathname, expected) => {
    expect(parseHubUrl(pathname)).toEqual(expected);
  });

  it.each(['/', '/jobs/7', '/hubs', '/hubs/', '/hubsx/a', '/hubs/%E0%A4%A/jobs'])(
    'sees no hub in %s',
    (pathname) => {
      expect(parseHubUrl(pathname)).toBeNull();
    },
  );

  it('builds hub URLs that parse back to the same hub and page', () => {
    expect(hubBasePath('hub-b')).toBe('/hubs/hub-b');
    expect(hubPageUrl('hub-b', '/')).toBe('/hubs/hub-b/');
    expect(hubPageUrl('hub-b', '/jobs/7', '?tab=errors', '#row-3')).toBe(
      '/hubs/hub-b/jobs/7?tab=errors#row-3',
    );
    expect(parseHubUrl(hubPageUrl('a/b', '/jobs'))).toEqual({ hubId: 'a/b', pagePath: '/jobs' });
  });

  it('treats the bare /hubs address as the overview', () => {
    expect(pagePathOfUnprefixed('/hubs')).toBe('/');
    expect(pagePathOfUnprefixed('/hubs/')).toBe('/');
    expect(pagePathOfUnprefixed('/import')).toBe('/import');
  });

  it.each([
    ['/', '/'],
    ['/jobs', '/jobs'],
    ['/jobs/7', '/jobs'],
    ['/jobs/7/errors', '/jobs'],
    ['/exports/export-1', '/exports'],
    ['/diff', '/diff'],
    ['/import', '/import'],
    ['/setup-check', '/setup-check'],
  ])('on another hub, %s becomes %s (ids of the hub left are dropped)', (from, to) => {
    expect(pagePathOnOtherHub(from)).toBe(to);
  });

  it('starts on the remembered hub while it is offered, else on the first', () => {
    expect(chooseStartHub(['hub-a', 'hub-b'], 'hub-b')).toBe('hub-b');
    expect(chooseStartHub(['hub-a', 'hub-b'], 'gone')).toBe('hub-a');
    expect(chooseStartHub(['hub-a', 'hub-b'], null)).toBe('hub-a');
    expect(chooseStartHub([], 'hub-a')).toBeNull();
  });

  it('remembers the hub in storage and survives storage that refuses', () => {
    const values = new Map<string, string>();
    const storage = {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
    };
    rememberHub(storage, 'hub-b');
    expect(values.get(REMEMBERED_HUB_KEY)).toBe('hub-b');
    expect(readRememberedHub(storage)).toBe('hub-b');

    const refusing = {
      getItem: (): string | null => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'QuotaExceededError');
      },
    };
    expect(readRememberedHub(refusing)).toBeNull();
    expect(() => rememberHub(refusing, 'hub-b')).not.toThrow();
    expect(readRememberedHub(null)).toBeNull();
  });
});
