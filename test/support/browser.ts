import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * The system Chromium (Debian's `chromium` package; `.ci/browser-deps.sh` installs it in CI), or the
 * one `CHROMIUM_PATH` names. Nothing here downloads a browser.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run. Without Chromium they are skipped locally with the reason
 * printed, but fail in CI (`CI` set), where a silent skip would hide that nothing was tested.
 */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const reason = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) throw new Error(`browser tests cannot run in CI: ${reason}`);
  if (!warned) console.warn(`[browser tests skipped] ${reason}`);
  warned = true;
  return reason;
}
let warned = false;

/**
 * Headless Chromium with a fresh temporary profile and no background traffic: this machine (and an
 * air-gapped CI runner) has no network, and the tests check that the pages need none.
 *
 * @see https://playwright.dev/docs/api/class-browsertype#browser-type-launch
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A screenshot of the viewport, scrolled so that `top` (a selector) is at its top when given. They go
 * to docs/images with `UPDATE_SCREENSHOTS=1` (they are the docs' pictures), else to a scratch folder.
 */
export async function screenshot(page: Page, name: string, top?: string): Promise<void> {
  if (top !== undefined)
    await page
      .locator(top)
      .first()
      .evaluate((element) => element.scrollIntoView({ block: 'start' }));
  const folder = process.env.UPDATE_SCREENSHOTS
    ? join(import.meta.dirname, '..', '..', 'docs', 'images')
    : join(import.meta.dirname, '..', '..', '.scratch', 'screenshots');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`) });
}

/** Every request the page makes to another origin; the tests expect none. */
export function watchOtherOrigins(page: Page, origin: string): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) seen.push(url);
  });
  return seen;
}
