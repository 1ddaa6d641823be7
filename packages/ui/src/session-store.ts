import type { Session } from '@hanjiang/client';

/**
 * Each portal keeps its session in sessionStorage under its own key: closing the tab signs out, a reload does not,
 * and signing in to one portal does not sign in to another in the same browser.
 */
export function sessionStore(app: string, storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
  const key = `hanjiang.${app}.session`;
  const store = () => storage ?? globalThis.sessionStorage;
  return {
    load(): Session | null {
      try {
        const session = JSON.parse(store().getItem(key) ?? 'null') as Session | null;
        return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
      } catch {
        return null;
      }
    },
    save(session: Session | null): void {
      if (session) store().setItem(key, JSON.stringify(session));
      else store().removeItem(key);
    },
  };
}

export type SessionStore = ReturnType<typeof sessionStore>;
