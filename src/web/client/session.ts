import { h } from './dom';

/** The signed-in person, as the API knows them (from the session cookie). */
export interface SessionUser {
  id: string;
  role: 'officer' | 'sergeant' | 'case_manager' | 'prosecutor' | 'project_manager' | 'supervisor';
  name?: string;
  office?: string;
  agency?: string;
}

export const START_PAGE: Record<SessionUser['role'], string> = {
  officer: '/refer',
  sergeant: '/sergeant',
  case_manager: '/caseload',
  prosecutor: '/prosecutor',
  project_manager: '/supervisor',
  supervisor: '/supervisor',
};

export async function currentUser(): Promise<SessionUser | undefined> {
  try {
    const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
    return res.ok ? (await res.json()).user : undefined;
  } catch {
    return undefined;
  }
}

function renderIdentityBar(user: SessionUser): void {
  const bar = document.getElementById('identity');
  if (!bar) return;
  const signOut = h('button', {
    type: 'button',
    class: 'secondary',
    onclick: async () => {
      await fetch('/api/auth/sign-out', { method: 'POST', credentials: 'same-origin' });
      location.href = '/sign-in';
    },
  }, 'Sign out');
  bar.replaceChildren(h('span', {}, `Signed in as ${user.name ?? user.id} (${user.role.replace('_', ' ')}${user.office ? `, ${user.office}` : ''}) `), signOut);
}

/** The signed-in person, or a redirect to sign in (coming back here afterwards). */
export async function requireSession(): Promise<SessionUser | undefined> {
  const user = await currentUser();
  if (!user) {
    location.href = `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;
    return undefined;
  }
  renderIdentityBar(user);
  return user;
}
