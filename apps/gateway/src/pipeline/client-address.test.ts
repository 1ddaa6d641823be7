import type { IncomingMessage } from 'node:http';
import { addressResolver, clientAddress, proxyTest } from './client-address.js';

const request = (peer: string, forwarded?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  }) as unknown as IncomingMessage;

describe('the client address', () => {
  it.each([
    // [trusted proxies, peer, X-Forwarded-For, client]
    [[], '198.51.100.7', undefined, '198.51.100.7'],
    [[], '198.51.100.7', '203.0.113.1', '198.51.100.7'], // no trusted proxy: the header is never read
    [['10.0.0.0/8'], '198.51.100.7', '203.0.113.1', '198.51.100.7'], // from an untrusted peer: ignored
    [['10.0.0.0/8'], '10.1.2.3', '203.0.113.1', '203.0.113.1'],
    // Read right to left up to the first address that is not a trusted proxy: a client cannot prepend a forgery.
    [['10.0.0.0/8'], '10.1.2.3', '192.0.2.66, 203.0.113.1, 10.9.9.9', '203.0.113.1'],
    [['loopback'], '127.0.0.1', '203.0.113.1', '203.0.113.1'],
  ] as const)('trusting %j, peer %s with X-Forwarded-For %s is %s', (trusted, peer, forwarded, client) => {
    const req = request(peer, forwarded);
    expect(addressResolver(trusted)(req)).toBe(client);
    // Resolved once at the entry; later stages read the same answer.
    expect(clientAddress(req)).toBe(client);
  });

  it('falls back to the socket for a request no entry resolved', () => {
    expect(clientAddress(request('198.51.100.8', '203.0.113.1'))).toBe('198.51.100.8');
  });

  it('tells trusted proxies from other peers', () => {
    expect(proxyTest([])('10.1.2.3')).toBe(false);
    expect(proxyTest(['10.0.0.0/8'])('10.1.2.3')).toBe(true);
    expect(proxyTest(['10.0.0.0/8'])('198.51.100.7')).toBe(false);
  });
});
