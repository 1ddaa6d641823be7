import type { HanjiangClient } from '@hanjiang/client';
import { ScopeProgressDocument } from '@hanjiang/client';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useQuery } from './use-query.js';

afterEach(cleanup);

/** A client whose answers the test releases one by one, in any order. */
function manualClient() {
  const pending: { variables: Record<string, unknown>; answer: (data: unknown) => void }[] = [];
  const client = {
    urql: {
      query: (_doc: unknown, variables: Record<string, unknown>) => ({
        toPromise: () =>
          new Promise((resolve) =>
            pending.push({ variables, answer: (data) => resolve({ data, error: undefined }) }),
          ),
      }),
    },
  } as unknown as HanjiangClient;
  return { client, pending };
}

const progress = (scopeCode: string) => ({ progress: { scopeCode } });

describe('useQuery', () => {
  it('keeps the answer to the latest variables even when an older answer arrives last', async () => {
    const { client, pending } = manualClient();
    const { result, rerender } = renderHook(
      ({ code }) => useQuery(client, ScopeProgressDocument, { scopeKind: 'village', scopeCode: code }),
      { initialProps: { code: 'a' } },
    );
    rerender({ code: 'b' });
    await waitFor(() => expect(pending).toHaveLength(2));
    await act(async () => {
      pending[1]!.answer(progress('b'));
      await Promise.resolve();
    });
    await act(async () => {
      pending[0]!.answer(progress('a'));
      await Promise.resolve();
    });
    expect(result.current.data).toEqual(progress('b'));
    expect(result.current.loading).toBe(false);
  });

  it('asks again on reload', async () => {
    const { client, pending } = manualClient();
    const { result } = renderHook(() =>
      useQuery(client, ScopeProgressDocument, { scopeKind: 'team', scopeCode: 't' }),
    );
    await waitFor(() => expect(pending).toHaveLength(1));
    act(() => result.current.reload());
    await waitFor(() => expect(pending).toHaveLength(2));
    expect(pending[1]!.variables).toEqual({ scopeKind: 'team', scopeCode: 't' });
  });
});
