import { whenDone } from './dom';
import { safeNext } from './safe-next';
import { START_PAGE, type SessionUser } from './session';

/** Local sign-in (the embedded default); an agency's identity provider issues the same tokens. */
const form = document.getElementById('sign-in-form') as HTMLFormElement;
const error = document.getElementById('sign-in-error') as HTMLElement;
const next = safeNext(new URLSearchParams(location.search).get('next'), location.origin);

form.addEventListener(
  'submit',
  whenDone(async (e: SubmitEvent) => {
    e.preventDefault();
    error.hidden = true;
    const data = new FormData(form);
    const res = await fetch('/api/auth/sign-in', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: data.get('username'), password: data.get('password') }),
    }).catch(() => undefined);
    if (res?.ok) {
      const { user } = (await res.json()) as { user: SessionUser };
      location.href = next ?? START_PAGE[user.role];
      return;
    }
    const body = (await res?.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    error.textContent = body?.error?.message ?? 'The service cannot be reached.';
    error.hidden = false;
    (form.elements.namedItem('password') as HTMLInputElement).value = '';
    error.focus();
  }),
);
form.dataset.ready = 'true';
