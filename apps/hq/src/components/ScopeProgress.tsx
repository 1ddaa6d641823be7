import { ScopeProgressDocument, type HanjiangClient } from '@hanjiang/client';
import { ProgressBar, useLang } from '@hanjiang/ui';
import { useQuery } from '../hooks/use-query.js';

/** Signed households of one village or team, as the gateway's counters have them. */
export function ScopeProgress({
  client,
  scopeKind,
  scopeCode,
}: {
  client: HanjiangClient;
  scopeKind: 'village' | 'team';
  scopeCode: string;
}) {
  const { t } = useLang();
  const { data } = useQuery(client, ScopeProgressDocument, { scopeKind, scopeCode });
  const p = data?.progress;
  if (!p) return <span className="muted">{data ? '—' : t('loadingData')}</span>;
  return <ProgressBar label={t('signedLabel')} part={p.signed} total={p.households} />;
}
