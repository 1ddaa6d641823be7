import {
  AuditLogDocument,
  type AuditLogQuery,
  type HanjiangClient,
  publicMessage,
  type PublicMessage,
} from '@hanjiang/client';
import { useCallback, useEffect, useState } from 'react';

export type AuditRow = AuditLogQuery['auditLog'][number];

export interface AuditLogPage {
  readonly rows: readonly AuditRow[];
  /** 1 for the newest rows. */
  readonly page: number;
  readonly loading: boolean;
  readonly error: PublicMessage | null;
  readonly hasOlder: boolean;
  readonly hasNewer: boolean;
  readonly older: () => void;
  readonly newer: () => void;
}

/**
 * The audit log a page at a time, newest first. The gateway pages with `before` (rows with a lower id), so going
 * back to newer rows replays the `before` of the page shown earlier: a stack of cursors, `null` for the newest.
 * One row more than a page is asked for, so "older" is offered only when older rows exist.
 */
export function useAuditLog(client: HanjiangClient, pageSize: number): AuditLogPage {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [fetched, setFetched] = useState<readonly AuditRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<PublicMessage | null>(null);
  const before = cursors.at(-1) ?? null;

  useEffect(() => {
    let current = true;
    setLoading(true);
    void client.urql
      .query(AuditLogDocument, { before, first: pageSize + 1 }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!current) return;
        setLoading(false);
        setError(publicMessage(result.error));
        setFetched(result.data?.auditLog ?? []);
      });
    return () => {
      current = false;
    };
  }, [client, before, pageSize]);

  const rows = fetched.slice(0, pageSize);
  const hasOlder = !loading && fetched.length > pageSize;
  const lastId = rows.at(-1)?.id;
  const older = useCallback(() => {
    if (lastId !== undefined) setCursors((stack) => [...stack, lastId]);
  }, [lastId]);
  const newer = useCallback(() => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)), []);
  return { rows, page: cursors.length, loading, error, hasOlder, hasNewer: cursors.length > 1, older, newer };
}
