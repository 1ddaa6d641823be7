import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface RawRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Sent as is (Buffer) or as UTF-8 (string); `chunks` sends it in several writes without a length. */
  body?: Buffer | string;
  /** Transfer-Encoding: chunked, the body split into this many writes. */
  chunks?: number;
  /** Source address on the loopback (127.0.0.2, …): another "client" as far as the gateway can tell. */
  localAddress?: string;
}

/** One HTTP request with full control over headers, framing and source address (fetch allows none of these). */
export function rawRequest(options: RawRequest): Promise<RawResponse> {
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (body && !options.chunks) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = request(
      options.url,
      { method: options.method ?? 'POST', headers, localAddress: options.localAddress },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    if (body && options.chunks) {
      const size = Math.ceil(body.length / options.chunks);
      for (let at = 0; at < body.length; at += size) req.write(body.subarray(at, at + size));
    } else if (body) {
      req.write(body);
    }
    req.end();
  });
}
