import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../src/shared/roles';
import { defaultScope } from './api-client';
import { expectPlainLanguage, plainLanguageProblems } from './plain-language';
import type { TestStack } from './test-stack';

/** Real headless Chromium (Debian's), driven by playwright-core; screenshots go to test-artifacts/. */
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** A browser context signed in as a person: the session cookie local sign-in would have set. */
export async function contextAs(
  stack: TestStack,
  browser: Browser,
  identity: { role: Role; user: string; office?: string; agency?: string; programs?: string[] },
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const { token } = await stack.tokens.issue({
    id: identity.user,
    role: identity.role,
    ...defaultScope(identity.role),
    ...(identity.office ? { office: identity.office } : {}),
    ...(identity.agency ? { agency: identity.agency } : {}),
    ...(identity.programs ? { programs: identity.programs } : {}),
  });
  await context.addCookies([
    { name: 'lead_session', value: token, url: stack.baseUrl, httpOnly: true, sameSite: 'Strict' },
  ]);
  // Issue 23 item 3: every page a test leaves is checked to be in words as it closes (its final state).
  const close = context.close.bind(context);
  context.close = async (options) => {
    const problems: string[] = [];
    for (const page of context.pages())
      problems.push(...(await plainLanguageProblems(page).catch(() => [])).map((p) => `${page.url()}: ${p}`));
    await close(options);
    expect({ plainLanguage: problems }).toEqual({ plainLanguage: [] });
  };
  return context;
}

/** Records a page state the tests visit: checked with axe (no violation) and for plain language, and kept as a screenshot. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await expectPlainLanguage(page, name);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Fails the test on any script error in the page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it stands (WCAG 2.x A and AA rules and best practices). */
export async function axeViolations(
  page: Page,
): Promise<Array<{ id: string; impact: string | null; targets: string[] }>> {
  // Evaluated through the DevTools protocol: the pages' Content-Security-Policy does not apply to it.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document);
    return violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Every page state a test visits is checked: no axe violation. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  expect({ state, violations: await axeViolations(page) }).toEqual({ state, violations: [] });
}

/** What a page lays out at its current viewport: how wide it is, and the tables as they are shown. */
export interface PageLayout {
  viewport: number;
  innerWidth: number;
  scrollWidth: number;
  /** The elements wider than the viewport where their parent is not (where the overflow starts). */
  tooWide: string[];
  /** Each table: its id or position, how it is displayed, and its cells without a column label. */
  tables: Array<{ table: string; display: string; unlabelled: number }>;
}

/** Measures the page as laid out now (see PageLayout). */
export function layoutOf(page: Page): Promise<PageLayout> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const classes = [...el.classList].map((c) => `.${c}`).join('');
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${classes}${text ? ` "${text}"` : ''}`;
    };
    const tooWide: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if ((box.width === 0 && box.height === 0) || box.right <= viewport + 0.5) continue;
      const parent = el.parentElement!.getBoundingClientRect();
      if (parent.right <= viewport + 0.5 || el.parentElement === document.body)
        tooWide.push(`${name(el)} (${Math.round(box.left)}–${Math.round(box.right)} px)`);
    }
    const tables = [...document.querySelectorAll('main table')].map((t, i) => {
      const table = t as HTMLTableElement;
      const header = (r: HTMLTableRowElement) => r.cells.length > 0 && [...r.cells].every((c) => c.tagName === 'TH');
      const headed = table.tHead !== null || [...table.rows].some(header);
      const unlabelled = headed
        ? [...table.rows]
            .filter((r) => r.parentElement !== table.tHead && !header(r))
            .flatMap((r) => [...r.cells].filter((c) => c.tagName === 'TD' && !c.dataset.label)).length
        : 0;
      // Named by its id, else by the heading it follows ("table 3 under “Deadlines”").
      let heading: Element | null = table;
      while (heading && !/^H[1-3]$/.test(heading.tagName))
        heading = heading.previousElementSibling ?? heading.parentElement;
      const under = heading ? ` under “${heading.textContent?.trim()}”` : '';
      return {
        table: table.id ? `table#${table.id}` : `table ${i + 1}${under}`,
        display: getComputedStyle(table).display,
        unlabelled,
      };
    });
    return {
      viewport,
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      tooWide: tooWide.slice(0, 12),
      tables,
    };
  });
}
