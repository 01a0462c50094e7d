import { h } from './dom';

/**
 * Who is using the page. Until sign-in exists, the person says who they are once per device; every
 * API call carries it (X-LEAD-User, X-LEAD-Role, X-LEAD-Office).
 */
export interface Identity {
  user: string;
  role: 'officer' | 'sergeant' | 'case_manager' | 'prosecutor' | 'project_manager' | 'supervisor';
  office?: string;
}

const KEY = 'lead-identity';
const ROLES: Identity['role'][] = ['officer', 'sergeant', 'case_manager', 'prosecutor', 'project_manager', 'supervisor'];

export function identity(): Identity | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return value && ROLES.includes(value.role) && value.user ? value : undefined;
  } catch {
    return undefined;
  }
}

export function setIdentity(value: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(value));
}

export function identityHeaders(): Record<string, string> {
  const me = identity();
  if (!me) return {};
  return { 'x-lead-user': me.user, 'x-lead-role': me.role, ...(me.office ? { 'x-lead-office': me.office } : {}) };
}

/** The identity bar: who you are, with a link to change it. */
export function renderIdentityBar(): void {
  const bar = document.getElementById('identity');
  if (!bar) return;
  const me = identity();
  bar.replaceChildren(
    me ? h('span', {}, `Working as ${me.user} (${me.role.replace('_', ' ')}${me.office ? `, ${me.office}` : ''}) · `) : h('span', {}, 'Not identified · '),
    h('a', { href: '/' }, me ? 'change' : 'say who you are'),
  );
}

export function requireIdentity(): Identity | undefined {
  renderIdentityBar();
  const me = identity();
  if (!me) {
    document.getElementById('main')?.append(h('p', { class: 'panel warn' }, 'Say who you are first: ', h('a', { href: '/' }, 'choose your role')));
  }
  return me;
}
