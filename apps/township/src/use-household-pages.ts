import {
  HouseholdPageDocument,
  publicMessage,
  type HanjiangClient,
  type HouseholdPageQuery,
  type PublicMessage,
} from '@hanjiang/client';
import type { Stage } from '@hanjiang/domain';
import { useCallback, useEffect, useRef, useState } from 'react';

export type HouseholdRow = HouseholdPageQuery['households']['edges'][number]['node'];

export interface Filters {
  villageId?: string;
  teamId?: string;
  stages?: Stage[];
  search?: string;
}

export interface HouseholdPages {
  /** The filters the rows belong to (JSON): while it differs from the filters asked for, the rows are old. */
  readonly rowsFor: string | null;
  readonly rows: readonly HouseholdRow[];
  readonly totalCount: number | null;
  readonly hasNextPage: boolean;
  readonly loading: boolean;
  readonly error: PublicMessage | null;
}

/** The gateway allows up to 100; 50 fill a desk screen twice without a long first answer. */
export const PAGE_SIZE = 50;

const EMPTY: HouseholdPages = {
  rowsFor: null,
  rows: [],
  totalCount: null,
  hasNextPage: false,
  loading: true,
  error: null,
};

export function filtersKey(filters: Filters): string {
  return JSON.stringify(filters);
}

/**
 * The households matching `filters`, grown a page at a time with the gateway's Relay cursors ("load more", or
 * the list asking when it scrolls near its end). A filter change starts again from the first page; an answer for
 * filters no longer asked for is dropped, so a fast typist never sees an older answer replace a newer one.
 */
export function useHouseholdPages(
  client: HanjiangClient,
  filters: Filters,
): HouseholdPages & { loadMore: () => void } {
  const key = filtersKey(filters);
  const [state, setState] = useState<HouseholdPages>(EMPTY);
  const endCursor = useRef<string | null>(null);
  const wanted = useRef(key);
  const inFlight = useRef(false);

  const fetchPage = useCallback(
    (after: string | null) => {
      const forKey = wanted.current;
      inFlight.current = true;
      setState((s) => ({ ...s, loading: true }));
      void client.urql
        .query(HouseholdPageDocument, { filter: JSON.parse(forKey) as Filters, after, first: PAGE_SIZE })
        .toPromise()
        .then((result) => {
          if (wanted.current !== forKey) return; // the filters changed meanwhile
          inFlight.current = false;
          const page = result.data?.households;
          endCursor.current = page?.pageInfo.endCursor ?? endCursor.current;
          setState((s) => ({
            rowsFor: forKey,
            rows: page ? [...(after === null ? [] : s.rows), ...page.edges.map((e) => e.node)] : s.rows,
            totalCount: page?.totalCount ?? s.totalCount,
            hasNextPage: page?.pageInfo.hasNextPage ?? false,
            loading: false,
            error: publicMessage(result.error),
          }));
        });
    },
    [client],
  );

  useEffect(() => {
    wanted.current = key;
    endCursor.current = null;
    fetchPage(null);
  }, [key, fetchPage]);

  const loadMore = useCallback(() => {
    if (inFlight.current || !state.hasNextPage || state.rowsFor !== wanted.current) return;
    fetchPage(endCursor.current);
  }, [fetchPage, state.hasNextPage, state.rowsFor]);

  return { ...state, loadMore };
}
