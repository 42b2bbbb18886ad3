import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './support/axe-violations';
import { writeDeviceCsv } from './support/device-files';
import { SCREENSHOTS, USERS, appUrl, signIn } from './support/sign-in';

// The proxy's CSP allows scripts from 'self' only, which would also block the injected axe-core.
test.use({ bypassCSP: true });

/** Imports a small file of its own, so each test has a job page and an errors page to look at. */
async function importSmallFile(page: Page, name: string): Promise<string> {
  const csv = await writeDeviceCsv(`${name}.csv`, name, 3);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page.getByLabel('Device list file').setInputFiles(csv.path);
  await expect(page.getByLabel('NDJSON preview')).toContainText(`${name}-000003`);
  await page.getByRole('button', { name: 'Upload and start import' }).click();
  await expect(page.getByRole('status', { name: 'Job status' })).toHaveText(/completed/i, {
    timeout: 60_000,
  });
  return new URL(page.url()).pathname;
}

test('every page passes an axe scan without serious or critical violations, in light and dark mode', async ({
  page,
}) => {
  await signIn(page, USERS.admin);
  const jobPath = await importSmallFile(page, 'axe');
  // Two exports of our own so the registry browser and the diff have something to show.
  const exportIds: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    await page.goto(appUrl('/exports'));
    await page.getByRole('button', { name: 'Start export' }).click();
    await expect(page.getByRole('status', { name: 'Export status' })).toHaveText(/completed/i, {
      timeout: 60_000,
    });
    // The panel's heading names the export for people (label, time, short id); its link has the id.
    const href = await page.getByRole('link', { name: 'Browse this export' }).getAttribute('href');
    exportIds.push(decodeURIComponent((href ?? '').replace(/^\/exports\//, '')));
  }

  // Each page with what shows it has finished loading: scanning mid-load would judge a button
  // half-way through its disabled-to-enabled colour transition.
  const pages: [string, (() => Promise<void>) | null][] = [
    ['/import', null],
    ['/', () => expect(page.getByRole('table', { name: 'Latest operations' })).toBeVisible()],
    ['/jobs', null],
    [jobPath, null],
    [`${jobPath}/errors`, null],
    ['/exports', null],
    [
      `/exports/${exportIds[0]}`,
      () =>
        expect(page.getByRole('button', { name: 'Download CSV' })).toBeEnabled({ timeout: 60_000 }),
    ],
    [
      `/diff?a=${exportIds[0]}&b=${exportIds[1]}`,
      () =>
        expect(page.getByRole('region', { name: 'Diff summary' })).toBeVisible({ timeout: 60_000 }),
    ],
  ];
  for (const mode of ['light', 'dark'] as const) {
    for (const [pathname, loaded] of pages) {
      await page.goto(appUrl(pathname));
      await expect(page.getByRole('main')).toBeVisible();
      if (mode === 'dark' && pathname === pages[0]?.[0])
        await page.getByRole('button', { name: 'Toggle dark mode' }).click();
      await page.waitForLoadState('networkidle');
      if (loaded) await loaded();
      // Let MUI's 250 ms colour transitions settle before colours are measured.
      await page.waitForTimeout(400);
      const violations = await seriousViolations(page);
      expect(
        violations.map(
          (v) =>
            `${mode} ${pathname}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes[0]?.target.join(' ')}`,
        ),
      ).toEqual([]);
    }
  }
});

test('light and dark mode, wide and narrow, render the main pages for a person to check', async ({
  page,
  browser,
}) => {
  await signIn(page, USERS.admin);
  const jobPath = await importSmallFile(page, 'narrow');
  const adminPages = [
    ['overview', '/'],
    ['import', '/import'],
    ['jobs', '/jobs'],
    ['job', jobPath],
    ['errors', `${jobPath}/errors`],
  ] as const;
  await lookAt(page, 'admin', adminPages);

  const supportContext = await browser.newContext();
  const support = await supportContext.newPage();
  await signIn(support, USERS.support);
  await lookAt(support, 'support', [
    ['overview', '/'],
    ['errors', `${jobPath}/errors`],
  ]);
  await supportContext.close();
});

/** Screenshots each page at 1440x900 and 800x900 in light and dark mode; nothing may overflow. */
async function lookAt(
  page: Page,
  who: string,
  pages: readonly (readonly [string, string])[],
): Promise<void> {
  for (const mode of ['light', 'dark'] as const) {
    if (mode === 'dark') await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    for (const [name, pathname] of pages) {
      for (const [width, height] of [
        [1440, 900],
        [800, 900],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(appUrl(pathname));
        await expect(page.getByRole('main')).toBeVisible();
        await page.waitForLoadState('networkidle');
        // Nothing may stick out sideways: a horizontal scrollbar at 800 px means overlapping layout.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} at ${width}px overflows by ${overflow}px`).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `${SCREENSHOTS}/${who}-${mode}-${name}-${width}.png`,
          fullPage: true,
        });
      }
    }
  }
}
