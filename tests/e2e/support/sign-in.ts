import { expect, type Page } from '@playwright/test';

export const USERS = {
  admin: { username: 'admin', password: 'admin-local', displayName: 'Ada Admin', role: 'Admin' },
  support: {
    username: 'support',
    password: 'support-local',
    displayName: 'Sam Support',
    role: 'Support',
  },
  /** Admin on hub-a only, no role on hub-b (README, "Test users"). */
  adminA: {
    username: 'admin-a',
    password: 'admin-a-local',
    displayName: 'Alex Admin-of-A',
    role: 'Admin',
  },
} as const;

export type TestUser = (typeof USERS)[keyof typeof USERS];

export function appUrl(pathname = '/'): string {
  const base = process.env.E2E_APP_URL;
  if (!base) throw new Error('E2E_APP_URL is not set: global-setup did not start the stack');
  return new URL(pathname, base).toString();
}

/** Signs in through the real MSAL redirect to the local authority's login form and back. */
export async function signIn(
  page: Page,
  user: TestUser,
  options: { screenshot?: string } = {},
): Promise<void> {
  await page.goto(appUrl('/'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Username')).toBeVisible();
  expect(new URL(page.url()).origin).not.toBe(new URL(appUrl('/')).origin);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: true });
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The app bar names the signed-in user; tables on the landing page may name them too (jobs they
  // started).
  await expect(page.getByRole('banner').getByText(user.displayName, { exact: true })).toBeVisible();
}

/**
 * The API access token MSAL cached for the signed-in user (sessionStorage), for direct API calls.
 */
export async function cachedAccessToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i += 1) {
      const key = sessionStorage.key(i);
      if (!key) continue;
      const raw = sessionStorage.getItem(key);
      if (!raw || !raw.includes('"credentialType"')) continue;
      try {
        const entry = JSON.parse(raw) as { credentialType?: string; secret?: string };
        if (entry.credentialType === 'AccessToken' && entry.secret) return entry.secret;
      } catch {
        // not one of MSAL's entries
      }
    }
    return null;
  });
  if (!token) throw new Error('No MSAL access token found in sessionStorage');
  return token;
}

export const SCREENSHOTS = 'test-results/screenshots';
