import { publicMessage, type HanjiangClient, type PublicMessage } from '@hanjiang/client';
import type { TypedDocumentNode } from '@urql/core';
import { useCallback, useEffect, useState } from 'react';

export interface QueryState<D> {
  data: D | null;
  error: PublicMessage | null;
  loading: boolean;
  reload: () => void;
}

/**
 * A query's latest answer, asked again when its variables change or on `reload()`; an answer that arrives after
 * newer variables were asked for is dropped, so a slow page never overwrites a faster later one.
 */
export function useQuery<D, V extends Record<string, unknown>>(
  client: HanjiangClient,
  document: TypedDocumentNode<D, V>,
  variables: V,
): QueryState<D> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data: D | null; error: PublicMessage | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    void client.urql
      .query(document, JSON.parse(key) as V, { requestPolicy: 'network-only' })
      .toPromise()
      .then((r) => {
        if (current) setState({ data: r.data ?? null, error: publicMessage(r.error), loading: false });
      });
    return () => {
      current = false;
    };
  }, [client, document, key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
