import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** Addresses resolved at the entry (request start, upgrade), so every later stage sees the same one. */
const resolved = new WeakMap<IncomingMessage, string>();

/**
 * Who the client is, from the socket — or, when the peer is a listed proxy (TRUSTED_PROXIES), from X-Forwarded-For
 * read right to left up to the first address that is not a trusted proxy (proxy-addr, the library express's own
 * `trust proxy` uses). A header from any other peer is ignored: anyone can write one.
 */
export function addressResolver(trustedProxies: readonly string[]): (req: IncomingMessage) => string {
  const trust = proxyaddr.compile([...trustedProxies]);
  const anyTrusted = trustedProxies.length > 0;
  return (req) => {
    const known = resolved.get(req);
    if (known !== undefined) return known;
    const peer = req.socket.remoteAddress ?? 'unknown';
    // Without trusted proxies the header is never read (proxy-addr would still parse it).
    const address = anyTrusted && req.socket.remoteAddress ? proxyaddr(req, trust) : peer;
    resolved.set(req, address);
    return address;
  };
}

/** Whether a TCP peer is a trusted proxy (its connections carry many clients: not counted per address). */
export function proxyTest(trustedProxies: readonly string[]): (peer: string) => boolean {
  if (trustedProxies.length === 0) return () => false;
  const trust = proxyaddr.compile([...trustedProxies]);
  return (peer) => trust(peer, 0);
}

/** The client's address as the entry resolved it; the socket's for a request no entry saw. */
export function clientAddress(req: IncomingMessage): string | null {
  return resolved.get(req) ?? req.socket.remoteAddress ?? null;
}
