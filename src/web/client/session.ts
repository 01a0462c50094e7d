import type { Permission } from '../../contract/permissions';
import { navigationOf, notForYou as notForRole, ROLE_LABELS, START_PAGE } from '../navigation';
import { h } from './dom';
import { countOf } from './secure-outbox';
import { PROGRAM_COOKIE } from '../../shared/program-choice';

/** The signed-in person, as the API knows them (from the session cookie). */
export interface SessionUser {
  id: string;
  role: keyof typeof ROLE_LABELS;
  name?: string;
  office?: string;
  agency?: string;
  badge?: string;
}

export { START_PAGE };

/** Issue 26: the program the person works in on the pages, and those they may switch between. */
interface SessionPrograms {
  program: { id: string; name: string };
  programs: Array<{ id: string; name: string }>;
}
let sessionPrograms: SessionPrograms | undefined;
export const programsOfSession = () => sessionPrograms;

export async function currentUser(): Promise<SessionUser | undefined> {
  try {
    const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
    if (!res.ok) return undefined;
    const { user, ...programs } = (await res.json()) as { user?: SessionUser } & SessionPrograms;
    sessionPrograms = programs;
    return user;
  } catch {
    return undefined;
  }
}

/** The pages (and the API calls they make) work in the chosen program from the next page load. */
function chooseProgram(id: string): void {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${PROGRAM_COOKIE}=${encodeURIComponent(id)}; Path=/; SameSite=Strict${secure}`;
  location.reload();
}

/** A switch between programs, for a person of several; nothing for a person of one. */
function programSwitch(): HTMLElement | null {
  if (!sessionPrograms || sessionPrograms.programs.length < 2) return null;
  const { program, programs } = sessionPrograms;
  return h(
    'label',
    { class: 'program-switch' },
    'Program ',
    h(
      'select',
      { id: 'program-switch', onchange: (e) => chooseProgram((e.target as HTMLSelectElement).value) },
      programs.map((p) => h('option', { value: p.id, selected: p.id === program.id }, p.name)),
    ),
    ' ',
  );
}

/** The main navigation: only the pages this person's role may use. */
function renderNavigation(user: SessionUser): void {
  const nav = document.getElementById('main-nav');
  if (!nav) return;
  const current = nav.dataset.current;
  nav.replaceChildren(
    ...navigationOf(user.role).map((n) =>
      h('a', { href: n.href, 'aria-current': current === n.href ? 'page' : undefined }, n.label),
    ),
  );
}

async function signOut(): Promise<void> {
  await fetch('/api/auth/sign-out', { method: 'POST', credentials: 'same-origin' });
  location.href = '/sign-in';
}

/**
 * Signing out with referrals still waiting on this device says so and asks first: they stay here,
 * encrypted and the person's own, and are sent when they sign in again.
 */
async function confirmSignOut(user: SessionUser, bar: HTMLElement): Promise<void> {
  const waiting = await countOf(user.id).catch(() => 0);
  if (waiting === 0) return signOut();
  const panel = h(
    'div',
    { class: 'panel warn', role: 'alertdialog', 'aria-labelledby': 'sign-out-title', id: 'sign-out-confirm' },
    h(
      'p',
      { id: 'sign-out-title' },
      `${waiting === 1 ? 'A referral is' : `${waiting} referrals are`} still waiting to be sent from this device. ${waiting === 1 ? 'It stays' : 'They stay'} here, encrypted, and ${waiting === 1 ? 'is' : 'are'} sent when you sign in again — nobody else who signs in here can see or send ${waiting === 1 ? 'it' : 'them'}.`,
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'danger', onclick: () => void signOut() }, 'Sign out anyway'),
      h('button', { type: 'button', class: 'secondary', onclick: () => panel.remove() }, 'Stay signed in'),
    ),
  );
  document.getElementById('sign-out-confirm')?.remove();
  bar.after(panel);
  panel.querySelector<HTMLButtonElement>('button.secondary')!.focus();
}

function renderIdentityBar(user: SessionUser): void {
  const bar = document.getElementById('identity');
  if (!bar) return;
  const signOutButton = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      id: 'sign-out',
      onclick: () => void confirmSignOut(user, bar.closest('header') ?? bar),
    },
    'Sign out',
  );
  const where = user.office ?? user.agency;
  bar.replaceChildren(
    h('span', {}, `Signed in as ${user.name ?? user.id} (${ROLE_LABELS[user.role]}${where ? `, ${where}` : ''}) `),
    ...[programSwitch()].filter((e) => e !== null),
    signOutButton,
  );
}

/** Who is signed in on this page (once requireSession answered). */
export let signedIn: SessionUser | undefined;

/** The signed-in person, or a redirect to sign in (coming back here afterwards). */
export async function requireSession(): Promise<SessionUser | undefined> {
  const user = await currentUser();
  signedIn = user;
  if (!user) {
    location.href = `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;
    return undefined;
  }
  renderNavigation(user);
  renderIdentityBar(user);
  return user;
}

/** In plain words: which roles a page or action is for, when someone else opens it. */
export function notForYou(user: SessionUser | undefined, permission: Permission): string {
  return notForRole(user?.role, permission);
}
