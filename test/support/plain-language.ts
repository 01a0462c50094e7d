import type { Page } from 'playwright-core';
import type { CapturedMail } from '../../src/mail/capture-server';
import { CODE_WORDS, ISO_INSTANT, plainTextProblems } from '../../src/contract/plain-language';

/**
 * The test of plain language in the browser (issue 23 item 3): every text a person reads on a page of
 * the product — outside a "why" (`details.why`), where rule ids belong — has no ISO instant and no code
 * (a stage such as AWAITING_SCREENING, an event type, a notice kind), and no label, button, summary,
 * legend, heading cell or link starts with a rule id. Text set as `<code>` is a value as a file holds it. The browser helpers run it on every page state the
 * tests visit (test/support/browser.ts); the test stack runs `mailProblems` over every notice it captured.
 */
export async function plainLanguageProblems(page: Page): Promise<string[]> {
  // Only the product's own pages (the Temporal Web UI and the developer's mail page are not ours to word).
  if (page.isClosed() || (await page.locator('header.top .brand').count()) === 0) return [];
  return page.evaluate(
    ({ codes, iso }) => {
      const codeWords = new Set(codes);
      const isoInstant = new RegExp(iso);
      const problems: string[] = [];
      const snippet = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 80);
      const where = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.closest('[id]') && !el.id ? ` in #${el.closest('[id]')!.id}` : ''}`;
      const outsideWhy = (el: Element) => el.closest('details.why') === null;
      const textProblems = (text: string) => [
        ...(isoInstant.test(text) ? ['an ISO instant'] : []),
        ...(text.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b/g) ?? [])
          .filter((w) => codeWords.has(w))
          .map((w) => `the code ${w}`),
      ];
      // Every text node a person may read (hidden ones too: the page shows them at the next tap).
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || ['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(parent.tagName)) continue;
        // A value as the export or the API holds it is set as code (the data dictionary): not words to read.
        if (parent.closest('template, code') || !outsideWhy(parent)) continue;
        for (const problem of textProblems(node.textContent ?? ''))
          problems.push(`${problem} in ${where(parent)}: “${snippet(node.textContent ?? '')}”`);
      }
      // What names a control or a section: never a rule id.
      for (const el of document.body.querySelectorAll(
        'label, button, summary, legend, th, a, h1, h2, h3, option, caption, [aria-label]',
      )) {
        if (!outsideWhy(el) || el.closest('template')) continue;
        const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
        if (/^\s*R-[A-Z]/.test(label)) problems.push(`a rule id as the label of ${where(el)}: “${snippet(label)}”`);
      }
      if (isoInstant.test(document.title)) problems.push(`an ISO instant in the title: “${document.title}”`);
      return [...new Set(problems)];
    },
    { codes: [...CODE_WORDS], iso: ISO_INSTANT.source },
  );
}

/** Every page state a test visits is checked: in words (see plainLanguageProblems). */
export async function expectPlainLanguage(page: Page, state: string): Promise<void> {
  expect({ state, problems: await plainLanguageProblems(page) }).toEqual({ state, problems: [] });
}

/** What is not in words in captured notices: subject and body, each problem named with the message. */
export function mailProblems(messages: CapturedMail[]): string[] {
  return messages.flatMap((m) =>
    plainTextProblems(`${m.subject}\n${m.text}`).map((problem) => `${m.subject} (to ${m.to.join(', ')}): ${problem}`),
  );
}
