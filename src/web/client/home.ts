import { h } from './dom';
import { identity, renderIdentityBar, setIdentity, type Identity } from './session';

/** Home: say who you are (until sign-in exists), then go to your page. */
const form = document.getElementById('identity-form') as HTMLFormElement;
const me = identity();
const role = form.elements.namedItem('role') as HTMLSelectElement;
const user = form.elements.namedItem('user') as HTMLInputElement;
const office = form.elements.namedItem('office') as HTMLSelectElement;
const officeField = document.getElementById('office-field')!;
if (me) {
  role.value = me.role;
  user.value = me.user;
  if (me.office) office.value = me.office;
}
const syncOffice = () => (officeField.hidden = role.value !== 'prosecutor');
role.addEventListener('change', syncOffice);
syncOffice();
renderIdentityBar();

const START: Record<Identity['role'], string> = {
  officer: '/refer',
  sergeant: '/sergeant',
  case_manager: '/caseload',
  prosecutor: '/prosecutor',
  project_manager: '/supervisor',
  supervisor: '/supervisor',
};

form.addEventListener('submit', (e) => {
  e.preventDefault();
  if (!user.value.trim()) {
    user.setAttribute('aria-invalid', 'true');
    user.focus();
    return;
  }
  const value: Identity = { role: role.value as Identity['role'], user: user.value.trim(), office: role.value === 'prosecutor' ? office.value : undefined };
  setIdentity(value);
  renderIdentityBar();
  form.after(h('p', { class: 'panel ok' }, 'Saved. ', h('a', { href: START[value.role] }, 'Continue to your page')));
});
