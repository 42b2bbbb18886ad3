import type { Page } from 'playwright-core';
import { inFreshChromium } from '../chromium-bench';
import { RECORD_PHASES, type PageMarks, type ResourceEdge } from './record-phases';
import { topSelfTimes, type CpuProfile, type SelfTime } from './summarize-cpu-profile';

export interface ConsoleRun {
  marks: PageMarks;
  /** The requests from the upload click on, their query strings (SAS) cut off. */
  resources: ResourceEdge[];
  rendererPeakMb: number;
  /**
   * Whether the console's Content Security Policy lets it compile WebAssembly (the hash worker's
   * SHA-256 falls back to JavaScript, with no other sign, where it does not).
   */
  wasmAllowed: boolean;
  /** With `profileUpload`: the page thread's busiest functions from the click to the job page. */
  uploadProfile?: SelfTime[];
}

const MARKS: (keyof PageMarks)[] = [
  'drop',
  'converted',
  'click',
  'jobPage',
  'completed',
  'errorsCounted',
  'errorsClick',
  'errorsRead',
];

async function waitForMark(page: Page, name: keyof PageMarks, timeoutMs: number): Promise<void> {
  try {
    await page.waitForFunction(
      (mark) =>
        (window as unknown as { __marks: Record<string, number> }).__marks[mark] !== undefined,
      name,
      { polling: 100, timeout: timeoutMs },
    );
  } catch (error) {
    const shot = `test-results/bench-e2e-${name}.png`;
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    throw new Error(`the console never reached "${name}" (screenshot ${shot}): ${String(error)}`);
  }
}

async function signIn(page: Page, username: string, password: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('banner').getByText(name, { exact: true }).waitFor();
}

/**
 * One admin's journey in a fresh Chromium: sign in, drop the file on the import page, go without a
 * plan (a fresh hub has nothing to plan against), upload and start, wait for "completed", open the
 * errors. The bench reacts through Playwright like a person; the page's own marks say when each
 * step showed, so the reaction times are known and taken out of the phases.
 */
export async function driveConsoleImport(
  appUrl: string,
  csvPath: string,
  admin: { username: string; password: string; name: string },
  timeoutMs: number,
  profileUpload = false,
): Promise<ConsoleRun> {
  return inFreshChromium(
    appUrl,
    async (page) => {
      page.setDefaultTimeout(60_000);
      await signIn(page, admin.username, admin.password, admin.name);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Import' })
        .click();
      await page.waitForURL(/\/import$/);
      await page.addInitScript(RECORD_PHASES);
      await page.reload();
      await page.getByLabel('Device list file').waitFor({ state: 'attached' });
      // The smallest valid module: magic number and version.
      const wasmAllowed = await page.evaluate(() =>
        WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
          () => true,
          () => false,
        ),
      );
      await page.getByLabel('Device list file').setInputFiles(csvPath);
      await waitForMark(page, 'converted', timeoutMs);
      await page
        .getByLabel('Upload without a plan: no prediction, no kept keys, no backup and no undo')
        .check();
      // The file's createOrUpdate and update rows may overwrite devices: the admin types the
      // phrase the console shows.
      const phrase = await page
        .getByRole('alert')
        .filter({ hasText: 'to confirm.' })
        .locator('strong')
        .first()
        .textContent();
      await page.getByLabel('Type to confirm').fill(phrase ?? '');
      const cdp = profileUpload ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      await page.locator('button', { hasText: 'Upload and start import' }).click();
      await waitForMark(page, 'jobPage', timeoutMs);
      const uploadProfile = cdp
        ? topSelfTimes((await cdp.send('Profiler.stop')).profile as CpuProfile, 15)
        : undefined;
      await waitForMark(page, 'completed', timeoutMs);
      await waitForMark(page, 'errorsCounted', timeoutMs);
      await page.getByRole('link', { name: 'View errors' }).click();
      await waitForMark(page, 'errorsRead', timeoutMs);
      const measured = await page.evaluate((names) => {
        const all = (window as unknown as { __marks: Record<string, number> }).__marks;
        const marks = Object.fromEntries(names.map((n) => [n, all[n] ?? Number.NaN]));
        const since = all['click'] ?? 0;
        const resources = performance
          .getEntriesByType('resource')
          .filter((entry) => entry.startTime >= since)
          .map((entry) => ({
            name: entry.name.split('?')[0] ?? '',
            startTime: entry.startTime,
            responseEnd: (entry as PerformanceResourceTiming).responseEnd,
          }));
        return { marks, resources };
      }, MARKS);
      return {
        marks: measured.marks as unknown as PageMarks,
        resources: measured.resources satisfies ResourceEdge[],
        wasmAllowed,
        ...(uploadProfile ? { uploadProfile } : {}),
      };
    },
    { ignoreHTTPSErrors: true },
  );
}
