/** Browser helpers for end-to-end tests: Debian's Chromium through playwright-core, and axe checks. */
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts a headless Chromium (never downloads one). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
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

/** A fresh context (own cookies and storage) with reduced motion, so screenshots never catch a transition. */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 800 },
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
    ...options,
  });
}

/** The WCAG rule sets checked on every page. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe on the page and fails with a readable list of violations (rule, impact, elements). */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length === 0) return;
  const report = results.violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `      ${node.target.join(' ')}\n        ${node.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`)
        .join('\n');
      const more = violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : '';
      return `  [${violation.impact ?? 'n/a'}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
  throw new Error(`axe found ${results.violations.length} violation(s) on ${label}:\n${report}`);
}

/** True when the page scrolls sideways (content wider than the viewport). */
export async function hasHorizontalScroll(page: Page): Promise<{ scrollWidth: number; viewport: number; overflowing: boolean }> {
  const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
  const viewport = page.viewportSize()?.width ?? 0;
  return { scrollWidth, viewport, overflowing: scrollWidth > viewport };
}

/** The phone the pages must fit: 360 px wide. */
export const PHONE = { width: 360, height: 740 };

/** Fails the test when the page scrolls sideways at its current width. */
export async function expectFitsPhone(page: Page, label: string): Promise<void> {
  const { scrollWidth, viewport, overflowing } = await hasHorizontalScroll(page);
  expect(overflowing, `${label} scrolls sideways at ${viewport} px (scrollWidth ${scrollWidth})`).toBe(false);
}

/** Collects uncaught errors of the page, so a test can fail on any crash (none must pass silently). */
export function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
}

const SCREENS_DIR = path.resolve(import.meta.dirname, '..', '..', '.tmp', 'screens');

/** Saves a full-page screenshot to .tmp/screens/ when SCREENSHOTS=1 (for people to look at). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-${width}.png`), fullPage: true });
}
