// How a screen is authorised (see README "Big screen"): a read-only display key (an API key of role viewer),
// handed over once in the URL fragment (#key=hj_…, never sent to a server or written to logs) or typed into the
// setup form, then kept in localStorage so the screen survives reloads, power cuts and gateway restarts for the
// whole campaign without anyone signing in. API keys do not expire unless revoked.

export const STORAGE_KEY = 'hanjiang.screen.displayKey';
const KEY_FORMAT = /^hj_[a-z0-9]{10}_[A-Za-z0-9_-]{32,64}$/;

export function isDisplayKey(text: string): boolean {
  return KEY_FORMAT.test(text.trim());
}

interface Place {
  hash: string;
  pathname: string;
  search: string;
}

/**
 * The key from the URL fragment (stored, then removed from the address bar) or from storage; null when the screen
 * has not been set up yet.
 */
export function readDisplayKey(
  location: Place,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  replaceUrl: (url: string) => void,
): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('key');
  if (fromHash && isDisplayKey(fromHash)) {
    storage.setItem(STORAGE_KEY, fromHash.trim());
    replaceUrl(`${location.pathname}${location.search}`);
    return fromHash.trim();
  }
  const stored = storage.getItem(STORAGE_KEY);
  return stored && isDisplayKey(stored) ? stored : null;
}

export function saveDisplayKey(storage: Pick<Storage, 'setItem'>, key: string): void {
  storage.setItem(STORAGE_KEY, key.trim());
}
