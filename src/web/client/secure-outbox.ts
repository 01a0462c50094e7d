/**
 * Referrals waiting on this device to be sent — each one the officer's who filled it in, encrypted at
 * rest with a Web Crypto key that cannot be exported, kept in IndexedDB until the service confirms it,
 * and expiring after the time a late referral is still accepted. Nothing here is ever listed or sent
 * under anyone but its owner.
 */
export interface OutboxEntry {
  /** The form's submissionId: the service records a referral once per id. */
  id: string;
  url: string;
  body: Record<string, unknown> & { submissionId: string };
  savedAt: string;
  expiresAt: string;
  /** Set when the service refused it (it is then not sent again; the officer decides). */
  refusal?: string;
}

interface StoredEntry {
  id: string;
  owner: string;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
  savedAt: string;
  expiresAt: string;
  refusal?: string;
}

const DB_NAME = 'lead-outbox';
const LEGACY_KEY = 'lead-outbox';
/** Entries saved by an earlier version in plain localStorage, owner unknown: never shown or sent. */
const UNKNOWN_OWNER = '(unknown)';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('The browser could not read its outbox'));
  });
}

let database: Promise<IDBDatabase> | undefined;
function db(): Promise<IDBDatabase> {
  database ??= new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('keys', { keyPath: 'owner' });
      open.result.createObjectStore('entries', { keyPath: 'id' }).createIndex('owner', 'owner');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('The browser could not open its outbox'));
  });
  return database;
}

async function store(name: 'keys' | 'entries', mode: IDBTransactionMode) {
  return (await db()).transaction(name, mode).objectStore(name);
}

/** The owner's key: generated once on this device, non-extractable (the page can use it, never read it). */
async function keyOf(owner: string): Promise<CryptoKey> {
  const found = (await request((await store('keys', 'readonly')).get(owner))) as { key: CryptoKey } | undefined;
  if (found) return found.key;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await request((await store('keys', 'readwrite')).put({ owner, key }));
  return key;
}

export async function save(owner: string, entry: OutboxEntry): Promise<void> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify({ url: entry.url, body: entry.body }));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await keyOf(owner), plain);
  const stored: StoredEntry = {
    id: entry.id,
    owner,
    iv,
    data,
    savedAt: entry.savedAt,
    expiresAt: entry.expiresAt,
    ...(entry.refusal ? { refusal: entry.refusal } : {}),
  };
  await request((await store('entries', 'readwrite')).put(stored));
}

async function storedOf(owner: string): Promise<StoredEntry[]> {
  return request((await store('entries', 'readonly')).index('owner').getAll(owner)) as Promise<StoredEntry[]>;
}

/** The owner's entries, oldest first. */
export async function entriesOf(owner: string): Promise<OutboxEntry[]> {
  const key = await keyOf(owner);
  const out: OutboxEntry[] = [];
  for (const s of await storedOf(owner)) {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: s.iv }, key, s.data);
    const { url, body } = JSON.parse(new TextDecoder().decode(plain)) as Pick<OutboxEntry, 'url' | 'body'>;
    out.push({
      id: s.id,
      url,
      body,
      savedAt: s.savedAt,
      expiresAt: s.expiresAt,
      ...(s.refusal ? { refusal: s.refusal } : {}),
    });
  }
  return out.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export async function countOf(owner: string): Promise<number> {
  return (await storedOf(owner)).length;
}

export async function remove(id: string): Promise<void> {
  await request((await store('entries', 'readwrite')).delete(id));
}

/** Removes the owner's expired entries (and expired entries of unknown owners); returns how many of the owner's went. */
export async function removeExpired(owner: string, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const who of [owner, UNKNOWN_OWNER]) {
    for (const s of await storedOf(who)) {
      if (Date.parse(s.expiresAt) > now) continue;
      await remove(s.id);
      if (who === owner) removed++;
    }
  }
  return removed;
}

/**
 * An earlier version kept waiting referrals in plain localStorage, with no owner. They are encrypted
 * now under no one's name — never listed, never sent under whoever signs in — and expire as the rest.
 */
export async function retireLegacyOutbox(retentionMs: number): Promise<void> {
  const legacy = localStorage.getItem(LEGACY_KEY);
  if (legacy === null) return;
  try {
    for (const item of JSON.parse(legacy) as Array<{ url: string; body: OutboxEntry['body']; savedAt: string }>) {
      await save(UNKNOWN_OWNER, {
        id: item.body.submissionId,
        url: item.url,
        body: item.body,
        savedAt: item.savedAt,
        expiresAt: new Date(Date.parse(item.savedAt) + retentionMs).toISOString(),
      });
    }
  } finally {
    localStorage.removeItem(LEGACY_KEY);
  }
}
