import { expect, type Page } from '@playwright/test';
import { SCREENSHOTS } from './sign-in';

/**
 * Screenshots the page as it stands (a step of a flow that a reload would lose) at 1440x900 and
 * 800x900, light and dark, for a person to look at; nothing may stick out sideways. Leaves the
 * page light and wide, as it found it.
 */
export async function lookHere(page: Page, name: string): Promise<void> {
  for (const mode of ['light', 'dark'] as const) {
    if (mode === 'dark') await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    for (const width of [1440, 800]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${name} at ${width}px overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: `${SCREENSHOTS}/${name}-${mode}-${width}.png`,
        fullPage: true,
      });
    }
  }
  await page.getByRole('button', { name: 'Toggle dark mode' }).click();
  await page.setViewportSize({ width: 1440, height: 900 });
}
