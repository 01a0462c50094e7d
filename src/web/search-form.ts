import type { LeadConfig } from '../config/config-schema';
import { STAGES } from '../shared/case-vocabulary';
import { humanize } from '../shared/humanize';
import { html, type Raw } from './html';

/**
 * The search form (issue 23 item 2), rendered by the server so every control has its label before any
 * script runs. Field names are the query parameters of GET /api/search.
 */
export function searchForm(config: LeadConfig): Raw {
  const field = (name: string, label: string, control: Raw, hint?: string) =>
    html`<div>
      <label for="q-${name}">${label}</label>
      ${hint ? html`<p class="hint" id="q-${name}-hint">${hint}</p>` : ''} ${control}
    </div>`;
  const text = (name: string, opts: { type?: string; hint?: boolean; autocapitalize?: string } = {}) =>
    html`<input
      id="q-${name}"
      name="${name}"
      type="${opts.type ?? 'text'}"
      autocomplete="off"
      ${opts.autocapitalize ? html`autocapitalize="${opts.autocapitalize}"` : ''}
      ${opts.hint ? html`aria-describedby="q-${name}-hint"` : ''}
    />`;
  const choice = (name: string, any: string, options: Array<[string, string]>) =>
    html`<select id="q-${name}" name="${name}">
      <option value="">${any}</option>
      ${options.map(([value, label]) => html`<option value="${value}">${label}</option>`)}
    </select>`;
  return html`<form id="search-form" role="search" aria-label="Find a case" novalidate>
      <p class="hint">
        Everything you enter must match. A name or a date of birth finds only the cases whose referral record you may
        read.
      </p>
      <div class="row">
        ${field('name', 'Name', text('name', { hint: true }), 'Given or family name, or how they start')}
        ${field('dateOfBirth', 'Date of birth', text('dateOfBirth', { type: 'date' }))}
        ${field('caseId', 'Case id', text('caseId', { hint: true, autocapitalize: 'characters' }), 'Or how it starts')}
      </div>
      <details class="fold" id="more-criteria">
        <summary>Stage, agency, referral dates</summary>
        <div class="row">
          ${field(
            'stage',
            'Stage',
            choice(
              'stage',
              'Any stage',
              STAGES.map((s) => [s, humanize(s)]),
            ),
          )}
          ${field(
            'agency',
            'Agency',
            choice(
              'agency',
              'Any agency',
              Object.entries(config.agencies).map(([code, a]) => [code, a.name]),
            ),
          )}
          ${field('referredFrom', 'Referred on or after', text('referredFrom', { type: 'date' }))}
          ${field('referredTo', 'Referred on or before', text('referredTo', { type: 'date' }))}
        </div>
      </details>
      <p><button type="submit">Search</button></p>
    </form>
    <p id="search-error" class="panel bad" role="alert" tabindex="-1" hidden></p>
    <section id="results" aria-live="polite"></section>`;
}
