import { STAGES } from '../../shared/case-vocabulary';
import { stageLabel } from '../../contract/plain-language';
import { api, errorMessage } from './api';
import { announce, h, replaceChildren, when, whenDone } from './dom';
import { caseTable } from './lists';
import { requireSession } from './session';

/** The caseload's filters: the query parameters of GET /api/caseload, kept in the page's address. */
const FILTERS = ['status', 'stage', 'deadlineWithinDays', 'stuck'] as const;
const DEADLINE_WINDOWS = [1, 3, 7, 14, 30];

function filterForm(current: URLSearchParams): HTMLFormElement {
  const option = (name: string, value: string, label: string) =>
    h('option', { value, selected: (current.get(name) ?? '') === value }, label);
  const select = (name: string, label: string, options: HTMLOptionElement[]) =>
    h('div', {}, h('label', { for: `filter-${name}` }, label), h('select', { id: `filter-${name}`, name }, options));
  return h(
    'form',
    { id: 'caseload-filters', class: 'list-filters', 'aria-label': 'Filter the caseload' },
    h(
      'div',
      { class: 'row' },
      select('status', 'Show', [
        option('status', '', 'Open cases'),
        option('status', 'exited', 'Exited in the last 90 days'),
      ]),
      select('stage', 'Stage', [
        option('stage', '', 'Any stage'),
        ...STAGES.map((s) => option('stage', s, stageLabel(s))),
      ]),
      select('deadlineWithinDays', 'Next deadline', [
        option('deadlineWithinDays', '', 'Any time'),
        ...DEADLINE_WINDOWS.map((d) =>
          option('deadlineWithinDays', String(d), `Within ${d} ${d === 1 ? 'day' : 'days'}`),
        ),
      ]),
      h(
        'div',
        {},
        h(
          'label',
          { class: 'inline', for: 'filter-stuck' },
          h('input', {
            type: 'checkbox',
            id: 'filter-stuck',
            name: 'stuck',
            value: 'true',
            checked: current.has('stuck'),
          }),
          'Stuck only',
        ),
      ),
    ),
  );
}

/** The filters as chosen on the form (empty ones left out). */
function chosen(form: HTMLFormElement): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form))
    if ((FILTERS as readonly string[]).includes(name) && typeof value === 'string' && value) query.set(name, value);
  return query;
}

let latest = 0;
/** The caseload as the API answers it for these filters. */
const fetchCases = (query: URLSearchParams) =>
  query.size ? api('GET', `/api/caseload?${query.toString()}`) : api('GET', '/api/caseload');

/** A case manager's cases, nearest deadline first — open ones, or behind a filter the people who exited lately. */
async function showCases(
  query: URLSearchParams,
  opts: { answered?: Awaited<ReturnType<typeof fetchCases>>; announce?: boolean } = {},
): Promise<void> {
  const list = document.getElementById('caseload-list')!;
  const asked = ++latest;
  list.dataset.ready = 'false';
  const res = opts.answered ?? (await fetchCases(query));
  // A later choice of filters has been asked for meanwhile: its answer is the one to show.
  if (asked !== latest) return;
  if (res.status !== 200) {
    replaceChildren('caseload-list', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(res)));
    list.dataset.ready = 'true';
    return;
  }
  const exited = query.get('status') === 'exited';
  const filtered = [...query.keys()].some((k) => k !== 'status');
  const caption = exited
    ? `People who exited in the last 90 days${filtered ? ', matching the filters' : ''}, latest exit first`
    : `${filtered ? 'Open cases matching the filters' : 'Open cases'}, nearest deadline first`;
  const count = res.body.cases.length;
  replaceChildren(
    'caseload-list',
    count === 0
      ? h('p', { class: 'hint' }, `${caption}: none.`)
      : caseTable(res.body.cases, {
          person: true,
          caption,
          extra: (r) =>
            [
              r.exitedAt ? `Left the program ${when(r.exitedAt)}` : '',
              // R-COORD: coordinate a new prosecution with the service plan.
              r.newArrestAlertAt
                ? `New arrest or referral recorded ${when(r.newArrestAlertAt)}: coordinate it with the service plan`
                : '',
            ]
              .filter(Boolean)
              .join('. '),
        }),
  );
  if (opts.announce) announce(`${count} ${count === 1 ? 'case' : 'cases'}: ${caption}.`);
  list.dataset.ready = 'true';
}

async function main(): Promise<void> {
  if (!(await requireSession())) return;
  const current = new URLSearchParams(location.search);
  const form = filterForm(current);
  const query = chosen(form);
  const first = await fetchCases(query);
  // Someone who may not read the caseload is told whose page it is, without the filters.
  if (first.status === 403)
    return void replaceChildren('caseload', h('p', { class: 'panel bad', role: 'alert' }, errorMessage(first)));
  replaceChildren('caseload', form, h('div', { id: 'caseload-list' }));
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener(
    'change',
    whenDone(async () => {
      const chosenNow = chosen(form);
      history.replaceState(null, '', `${location.pathname}${chosenNow.toString() ? `?${chosenNow.toString()}` : ''}`);
      await showCases(chosenNow, { announce: true });
    }),
  );
  await showCases(query, { answered: first });
  document.getElementById('caseload')!.dataset.ready = 'true';
}
void main();
