import type { Session } from '@hanjiang/client';

// The session lives in sessionStorage: closing the tab signs out, a reload does not.
const KEY = 'hanjiang.township.session';

export function loadSession(storage: Pick<Storage, 'getItem'> = sessionStorage): Session | null {
  try {
    const session = JSON.parse(storage.getItem(KEY) ?? 'null') as Session | null;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(
  session: Session | null,
  storage: Pick<Storage, 'setItem' | 'removeItem'> = sessionStorage,
) {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}
