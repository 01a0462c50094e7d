import { api, errorMessage } from './api';
import { h, replaceChildren, whenDone } from './dom';
import { foundCaseList, type FoundCase } from './found-cases';
import { requireSession } from './session';

/**
 * Finding a case again (issue 23 item 2): the form's criteria go to GET /api/search, which searches only
 * what this reader may read (R-ROI); the page shows what it answers. Nothing is searched until asked,
 * and the criteria stay out of the page's address (a name is not kept in the browser's history).
 */
async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const form = document.getElementById('search-form') as HTMLFormElement;
  const error = document.getElementById('search-error')!;
  const results = document.getElementById('results')!;
  form.addEventListener(
    'submit',
    whenDone(async (event: Event) => {
      event.preventDefault();
      const query = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        const text = typeof value === 'string' ? value.trim() : '';
        if (text) query.set(name, text);
      }
      error.hidden = true;
      results.dataset.ready = 'false';
      const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
      button.disabled = true;
      const res = await api('GET', `/api/search?${query.toString()}`).finally(() => (button.disabled = false));
      if (res.status !== 200) {
        replaceChildren('results');
        error.textContent = errorMessage(res);
        error.hidden = false;
        error.focus();
        results.dataset.ready = 'true';
        return;
      }
      const { searched, cases, truncated } = res.body as { searched: string; cases: FoundCase[]; truncated: boolean };
      const heading =
        searched === 'NOTHING'
          ? 'Enter something to search for.'
          : cases.length === 0
            ? 'No case found.'
            : `${cases.length}${truncated ? '+' : ''} ${cases.length === 1 ? 'case' : 'cases'} found`;
      replaceChildren(
        'results',
        h('h2', { id: 'results-title', tabindex: '-1' }, heading),
        truncated ? h('p', { class: 'hint' }, 'More cases match than are shown: narrow the search.') : null,
        cases.length > 0 ? foundCaseList(cases, 'results-title') : null,
      );
      // On a phone the results are below the form: take the reader there (the heading says how many).
      document.getElementById('results-title')!.focus();
      results.dataset.ready = 'true';
    }),
  );
  form.dataset.ready = 'true';
}
void main();
