import type { HanjiangClient } from '@hanjiang/client';
import { CombinedError } from '@urql/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type AuditRow, useAuditLog } from './use-audit-log.js';

function row(id: number): AuditRow {
  return {
    id: String(id),
    at: '2025-11-29T02:00:00.000Z',
    actor: 'baisha.cadre',
    tenantKind: 'township',
    tenantCode: 'baisha',
    operation: 'AdvanceStage',
    outcome: 'ok',
    clientAddress: null,
    requestId: null,
    hash: `h${id}`,
  };
}

/** A gateway with audit rows 1…total, answering `auditLog(before, first)` newest first; records each request. */
function fakeClient(total: number, fail = false) {
  const asked: { before: string | null; first: number }[] = [];
  const client = {
    urql: {
      query: (_doc: unknown, variables: { before: string | null; first: number }) => ({
        toPromise: () => {
          asked.push(variables);
          if (fail) {
            return Promise.resolve({
              error: new CombinedError({
                graphQLErrors: [
                  {
                    message: 'no',
                    extensions: { code: 'FORBIDDEN', messageZh: '无权查看', messageEn: 'No' },
                  },
                ],
              }),
            });
          }
          const below = variables.before === null ? total + 1 : Number(variables.before);
          const ids = Array.from({ length: total }, (_, i) => total - i).filter((id) => id < below);
          return Promise.resolve({ data: { auditLog: ids.slice(0, variables.first).map(row) } });
        },
      }),
    },
  } as unknown as HanjiangClient;
  return { client, asked };
}

const ids = (rows: readonly AuditRow[]) => rows.map((r) => r.id);

describe('useAuditLog', () => {
  it('pages older with the last id shown as `before`, and back to newer with the earlier cursor', async () => {
    const { client, asked } = fakeClient(7);
    const { result } = renderHook(() => useAuditLog(client, 3));
    await waitFor(() => expect(ids(result.current.rows)).toEqual(['7', '6', '5']));
    expect(result.current).toMatchObject({ page: 1, hasNewer: false, hasOlder: true });
    expect(asked.at(-1)).toEqual({ before: null, first: 4 });

    act(() => result.current.older());
    await waitFor(() => expect(ids(result.current.rows)).toEqual(['4', '3', '2']));
    expect(asked.at(-1)).toEqual({ before: '5', first: 4 });
    expect(result.current).toMatchObject({ page: 2, hasNewer: true, hasOlder: true });

    act(() => result.current.older());
    await waitFor(() => expect(ids(result.current.rows)).toEqual(['1']));
    expect(result.current).toMatchObject({ page: 3, hasNewer: true, hasOlder: false });

    act(() => result.current.newer());
    await waitFor(() => expect(ids(result.current.rows)).toEqual(['4', '3', '2']));
    expect(asked.at(-1)).toEqual({ before: '5', first: 4 });
    act(() => result.current.newer());
    await waitFor(() => expect(ids(result.current.rows)).toEqual(['7', '6', '5']));
    expect(result.current.page).toBe(1);
  });

  it('offers no older page when the rows fill exactly one page', async () => {
    const { client } = fakeClient(3);
    const { result } = renderHook(() => useAuditLog(client, 3));
    await waitFor(() => expect(ids(result.current.rows)).toEqual(['3', '2', '1']));
    expect(result.current.hasOlder).toBe(false);
  });

  it('shows the gateway’s refusal in its own words', async () => {
    const { client } = fakeClient(3, true);
    const { result } = renderHook(() => useAuditLog(client, 3));
    await waitFor(() =>
      expect(result.current.error).toEqual({ code: 'FORBIDDEN', zh: '无权查看', en: 'No' }),
    );
    expect(result.current.rows).toEqual([]);
  });
});
