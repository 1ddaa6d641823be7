// The entry × stage matrix's row for GET /exports/households (pipeline/stages.ts, Entry.EXPORT_DOWNLOAD): the same
// stages as /graphql, checked through the download's own form (a query string in, a file or a JSON error out).
import { parse } from 'csv-parse/sync';
import { Stage } from '../../src/pipeline/stages.js';
import { insertApiKey } from './api-key.js';
import { gql } from './graphql.js';
import { type ErrorBody, expectPublicError } from './public-error.js';
import type { SeededGateway } from './seeded-gateway.js';

type Check = () => Promise<void>;

export function exportCells(
  gateway: () => SeededGateway,
  token: (username: string) => Promise<string>,
): Record<Stage, Check> {
  const download = (query: Record<string, string>, headers: Record<string, string>) => {
    const base = gateway().gateway.url.replace(/\/graphql$/, '');
    return fetch(`${base}/exports/households?${new URLSearchParams(query).toString()}`, { headers });
  };
  const bearer = async (username: string) => ({ authorization: `Bearer ${await token(username)}` });
  const refused = async (response: Response, status: number, code: string, detail?: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expectPublicError((await response.json()) as ErrorBody, code, detail);
  };
  const rowsOf = async (response: Response) => {
    const bytes = Buffer.from(await response.arrayBuffer());
    const rows: string[][] = parse(bytes.subarray(3).toString('utf8'));
    return rows.length - 1;
  };
  const totalCount = async (username: string) => {
    const page = await gql<{ households: { totalCount: number } }>(
      gateway().gateway.url,
      '{ households { totalCount } }',
      {},
      await bearer(username),
    );
    return page.data!.households.totalCount;
  };

  return {
    [Stage.IDENTIFY]: async () => {
      const requestId = `matrix-export-${Date.now()}`;
      const response = await download(
        { filter: JSON.stringify({ search: 'no-such-household' }) },
        { ...(await bearer('baisha.viewer')), 'x-request-id': requestId },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe(requestId);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      await response.arrayBuffer();
    },
    [Stage.AUTHENTICATE]: async () => {
      await refused(await download({}, { authorization: 'Bearer not-a-token' }), 401, 'UNAUTHENTICATED');
      await refused(await download({}, {}), 401, 'UNAUTHENTICATED');
    },
    [Stage.RESOLVE_DOCUMENT]: async () => {
      // The download's "document" is its query string: the filter is parsed and checked field by field.
      const headers = await bearer('baisha.viewer');
      await refused(await download({ filter: '{not json' }, headers), 400, 'BAD_USER_INPUT');
      await refused(await download({ filter: '{"nope":1}' }, headers), 400, 'BAD_USER_INPUT');
    },
    [Stage.POLICIES]: async () => {
      const response = await download(
        { filter: JSON.stringify({ search: 'cursor\u0000' }) },
        await bearer('baisha.viewer'),
      );
      await refused(response, 400, 'BAD_USER_INPUT', 'nul_character');
    },
    [Stage.OPEN_TRANSACTION]: async () => {
      const response = await download({}, await bearer('guohuan.viewer'));
      expect(response.status).toBe(200);
      const rows = Number(response.headers.get('x-export-rows'));
      await response.arrayBuffer();
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBe(await totalCount('guohuan.viewer'));
      expect(rows).toBeLessThan(await totalCount('district.inspector'));
    },
    [Stage.EXECUTE]: async () => {
      const response = await download({}, await bearer('baisha.viewer'));
      expect(response.status).toBe(200);
      const announced = Number(response.headers.get('x-export-rows'));
      expect(announced).toBeGreaterThan(0);
      expect(await rowsOf(response)).toBe(announced);
    },
    [Stage.END_OPERATION]: async () => {
      // Read-only (the transaction is rolled back); a key's download leaves an integrator audit row with its rows.
      const opened = gateway();
      const key = await insertApiKey(opened.owner, { kind: 'township', code: 'baisha' });
      const requestId = `matrix-export-audit-${Date.now()}`;
      const response = await download({}, { 'x-api-key': key, 'x-request-id': requestId });
      const rows = await rowsOf(response);
      await opened.gateway.audit.flush();
      const { rows: audited } = await opened.owner.query<{ outcome: string; rows: number }>(
        `SELECT outcome, (detail->>'rows')::int AS rows FROM audit_log
         WHERE request_id = $1 AND operation = 'GET /exports/households'`,
        [requestId],
      );
      expect(audited).toEqual([{ outcome: 'ok', rows }]);
    },
    [Stage.FORMAT_ERRORS]: async () => {
      const response = await download({ format: 'pdf' }, await bearer('baisha.viewer'));
      await refused(response, 400, 'BAD_USER_INPUT');
    },
  };
}
