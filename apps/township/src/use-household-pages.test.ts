import type { HanjiangClient } from '@hanjiang/client';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, useHouseholdPages, type Filters } from './use-household-pages.js';

interface Asked {
  filter: Filters;
  after: string | null;
  first: number;
  answer: (codes: string[], next: string | null, total: number) => void;
}

/** A client whose household pages are answered by the test, in any order. */
function pagedClient() {
  const asked: Asked[] = [];
  const client = {
    urql: {
      query: (_doc: unknown, variables: Omit<Asked, 'answer'>) => ({
        toPromise: () =>
          new Promise((resolve) =>
            asked.push({
              ...variables,
              answer: (codes, next, total) =>
                resolve({
                  data: {
                    households: {
                      totalCount: total,
                      edges: codes.map((code) => ({ cursor: `c-${code}`, node: { id: code, code } })),
                      pageInfo: { hasNextPage: next !== null, endCursor: next },
                    },
                  },
                }),
            }),
          ),
      }),
    },
  } as unknown as HanjiangClient;
  return { client, asked };
}

/** Answers a page and lets the hook take it in. */
async function answer(asked: Asked, codes: string[], next: string | null, total: number) {
  await act(async () => {
    asked.answer(codes, next, total);
    await Promise.resolve();
  });
}

describe('useHouseholdPages', () => {
  it('grows the list a page at a time after the last cursor, and starts again on a filter change', async () => {
    const { client, asked } = pagedClient();
    const { result, rerender } = renderHook(
      ({ filters }: { filters: Filters }) => useHouseholdPages(client, filters),
      {
        initialProps: { filters: {} },
      },
    );
    expect(asked[0]).toMatchObject({ filter: {}, after: null, first: PAGE_SIZE });
    await answer(asked[0]!, ['A1', 'A2'], 'cur-2', 4);
    expect(result.current.rows.map((r) => r.code)).toEqual(['A1', 'A2']);
    expect(result.current).toMatchObject({ totalCount: 4, hasNextPage: true, loading: false, rowsFor: '{}' });

    act(() => result.current.loadMore());
    act(() => result.current.loadMore()); // a second ask while one is on its way sends nothing
    expect(asked).toHaveLength(2);
    expect(asked[1]).toMatchObject({ after: 'cur-2' });
    await answer(asked[1]!, ['A3', 'A4'], null, 4);
    expect(result.current.rows.map((r) => r.code)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(result.current.hasNextPage).toBe(false);

    rerender({ filters: { stages: ['SIGNED'] } });
    expect(asked[2]).toMatchObject({ filter: { stages: ['SIGNED'] }, after: null });
    await answer(asked[2]!, ['S1'], null, 1);
    expect(result.current.rows.map((r) => r.code)).toEqual(['S1']);
    expect(result.current.rowsFor).toBe('{"stages":["SIGNED"]}');
  });

  it('drops the answer for filters no longer asked for, even when it comes last', async () => {
    const { client, asked } = pagedClient();
    const { result, rerender } = renderHook(
      ({ filters }: { filters: Filters }) => useHouseholdPages(client, filters),
      {
        initialProps: { filters: { search: '陈' } },
      },
    );
    rerender({ filters: { search: '陈伟' } });
    await answer(asked[1]!, ['W1'], null, 1);
    await answer(asked[0]!, ['C1', 'C2'], null, 2); // the older answer, late
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.rows.map((r) => r.code)).toEqual(['W1']);
    expect(result.current.rowsFor).toBe('{"search":"陈伟"}');
  });
});
