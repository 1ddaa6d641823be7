import {
  backoffDelay,
  CampaignProgressDocument,
  createHanjiangClient,
  LeaderboardChangedDocument,
  MilestonePageDocument,
  MilestoneReachedDocument,
  ScreenBootDocument,
  type CampaignFieldsFragment,
  type ConnectionStatus,
  type LeaderboardBoard,
  type MilestoneFieldsFragment,
  type MilestonePageQuery,
  type OperationResult,
} from '@hanjiang/client';
import { useEffect, useState } from 'react';
import { pushTicker, tickerItem, type Row, type TickerItem } from './model.js';

export interface ScreenState {
  readonly loaded: boolean;
  readonly status: ConnectionStatus;
  readonly campaign: CampaignFieldsFragment | null;
  readonly boards: Readonly<Record<LeaderboardBoard, readonly Row[]>>;
  readonly ticker: readonly TickerItem[];
  /** The gateway's message (messageZh / messageEn) when the first load keeps failing, e.g. a revoked key. */
  readonly error: { zh: string; en: string } | null;
}

const EMPTY: ScreenState = {
  loaded: false,
  status: 'connecting',
  campaign: null,
  boards: { HEADQUARTERS: [], TOWNSHIP: [], PAIRING: [], TEAM: [] },
  ticker: [],
  error: null,
};

const BOARDS: readonly LeaderboardBoard[] = ['HEADQUARTERS', 'TOWNSHIP', 'PAIRING', 'TEAM'];
const MILESTONE_PAGE = 100;
const TICKER_LENGTH = 8;

/**
 * The screen's data: one first load over HTTP (retried with back-off until the gateway answers), then the live
 * streams — the gauge, four boards and the milestones from the last one loaded. Streams resubscribe by themselves
 * after an outage and the boards and gauge arrive whole on resubscription, so a gateway restart resyncs the screen.
 */
export function useScreen(graphqlUrl: string, displayKey: string): ScreenState {
  const [state, setState] = useState<ScreenState>(EMPTY);

  useEffect(() => {
    let disposed = false;
    const update = (fn: (s: ScreenState) => ScreenState) => {
      if (!disposed) setState(fn);
    };
    const client = createHanjiangClient({
      url: graphqlUrl,
      credential: { kind: 'apiKey', key: displayKey },
      onStatus: (status) => update((s) => ({ ...s, status })),
    });
    const stops: (() => void)[] = [];
    let retryTimer: ReturnType<typeof setTimeout> | null = null;

    const firstLoad = async (attempt: number): Promise<void> => {
      const boot = await client.urql.query(ScreenBootDocument, {}).toPromise();
      if (disposed) return;
      if (!boot.data) {
        const ext = boot.error?.graphQLErrors[0]?.extensions as
          { messageZh?: string; messageEn?: string } | undefined;
        update((s) => ({
          ...s,
          status: 'reconnecting',
          error: ext?.messageZh ? { zh: ext.messageZh, en: ext.messageEn ?? ext.messageZh } : null,
        }));
        retryTimer = setTimeout(() => void firstLoad(attempt + 1), backoffDelay(attempt));
        return;
      }
      const villages = new Map(boot.data.villages.map((v) => [v.code, v.name]));
      // Page the milestones to the end: the newest few fill the ticker, the last one is where live ones resume.
      let after: string | null = null;
      let recent: MilestoneFieldsFragment[] = [];
      for (;;) {
        const page: OperationResult<MilestonePageQuery> = await client.urql
          .query(MilestonePageDocument, { after, first: MILESTONE_PAGE })
          .toPromise();
        const connection = page.data?.milestones;
        if (!connection) break;
        recent = [...recent, ...connection.edges.map((e) => e.node)].slice(-TICKER_LENGTH);
        after = connection.pageInfo.endCursor ?? after;
        if (!connection.pageInfo.hasNextPage) break;
      }
      if (disposed) return;
      // For the e2e's time-to-data budget (ms since navigation start).
      performance.mark('screen-data');
      update((s) => ({
        ...s,
        loaded: true,
        error: null,
        campaign: boot.data!.campaign ?? null,
        boards: {
          HEADQUARTERS: boot.data!.headquartersBoard,
          TOWNSHIP: boot.data!.townshipBoard,
          PAIRING: boot.data!.pairingBoard,
          TEAM: boot.data!.teamBoard,
        },
        ticker: recent.map((m) => tickerItem(m, { teams: boot.data!.teamBoard, villages })).reverse(),
      }));

      // Subscriptions only after the first load.
      const campaign = client.live(
        CampaignProgressDocument,
        () => ({}),
        (data) => update((s) => ({ ...s, campaign: data.campaignProgress ?? s.campaign })),
      );
      stops.push(() => campaign.stop());
      for (const board of BOARDS) {
        const stream = client.live(
          LeaderboardChangedDocument,
          () => ({ board }),
          (data) => update((s) => ({ ...s, boards: { ...s.boards, [board]: data.leaderboardChanged } })),
        );
        stops.push(() => stream.stop());
      }
      const last = recent.at(-1);
      const feed = client.milestones(
        MilestoneReachedDocument,
        last ? { seq: last.seq, cursor: last.cursor } : null,
        (m) =>
          update((s) => ({
            ...s,
            ticker: pushTicker(s.ticker, tickerItem(m, { teams: s.boards.TEAM, villages }), TICKER_LENGTH),
          })),
      );
      stops.push(() => feed.stop());
    };
    void firstLoad(0);

    return () => {
      disposed = true;
      if (retryTimer) clearTimeout(retryTimer);
      for (const stop of stops) stop();
      client.dispose();
    };
  }, [graphqlUrl, displayKey]);

  return state;
}
