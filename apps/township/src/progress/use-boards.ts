import {
  LeaderboardChangedDocument,
  publicMessage,
  TownshipProgressDocument,
  type HanjiangClient,
  type PublicMessage,
} from '@hanjiang/client';
import { useEffect, useState } from 'react';
import type { Boards, TeamInfo } from './standing.js';

const LIVE_BOARDS = ['TOWNSHIP', 'PAIRING', 'TEAM'] as const;

export interface LiveBoards {
  readonly boards: Boards;
  readonly teams: readonly TeamInfo[];
  readonly error: PublicMessage | null;
}

/**
 * The township, pairing and team boards, live: a first load over HTTP for a quick first paint, and one
 * `leaderboardChanged` stream per board, which sends the current board at once and a new one after every change
 * (and resubscribes by itself after an outage). A board that already came live is never replaced by the first
 * load's older copy.
 */
export function useLiveBoards(client: HanjiangClient): LiveBoards {
  const [state, setState] = useState<LiveBoards>({
    boards: { TOWNSHIP: null, PAIRING: null, TEAM: null },
    teams: [],
    error: null,
  });

  useEffect(() => {
    let disposed = false;
    void client.urql
      .query(TownshipProgressDocument, {})
      .toPromise()
      .then((result) => {
        if (disposed) return;
        const data = result.data;
        setState((s) => ({
          error: publicMessage(result.error),
          teams: data?.teams ?? s.teams,
          boards: {
            TOWNSHIP: s.boards.TOWNSHIP ?? data?.townshipBoard ?? null,
            PAIRING: s.boards.PAIRING ?? data?.pairingBoard ?? null,
            TEAM: s.boards.TEAM ?? data?.teamBoard ?? null,
          },
        }));
      });
    const streams = LIVE_BOARDS.map((board) =>
      client.live(
        LeaderboardChangedDocument,
        () => ({ board }),
        (data) => {
          if (!disposed)
            setState((s) => ({ ...s, boards: { ...s.boards, [board]: data.leaderboardChanged } }));
        },
      ),
    );
    return () => {
      disposed = true;
      for (const stream of streams) stream.stop();
    };
  }, [client]);

  return state;
}
