import type { HanjiangClient, PublicMessage, ReportScopeKind } from '@hanjiang/client';
import { addDays, HEADQUARTERS, shanghaiDate, TOWNSHIPS } from '@hanjiang/domain';
import { downloadProgressReport, ErrorBanner, useLang } from '@hanjiang/ui';
import { Button } from 'antd';
import { useState } from 'react';

/** Areas a report covers, headquarters first (the 推进会 is held per project area); values are `KIND:code`. */
const AREAS = [
  ...HEADQUARTERS.map((h) => ({ value: `HEADQUARTERS:${h.code}`, label: h.nameZh })),
  ...TOWNSHIPS.map((t) => ({ value: `TOWNSHIP:${t.code}`, label: t.nameZh })),
];

/** The 推进会 report: an area and a period (the last seven days by default), downloaded as XLSX. */
export function ProgressReport({ client, now = new Date() }: { client: HanjiangClient; now?: Date }) {
  const { t } = useLang();
  const yesterday = addDays(shanghaiDate(now), -1);
  const [area, setArea] = useState(AREAS[0]!.value);
  const [from, setFrom] = useState(addDays(yesterday, -6));
  const [to, setTo] = useState(yesterday);
  const [error, setError] = useState<PublicMessage | null>(null);
  const [busy, setBusy] = useState(false);

  const make = async () => {
    const [kind, code] = area.split(':') as [ReportScopeKind, string];
    setBusy(true);
    setError(await downloadProgressReport(client, { scopeKind: kind, code, from, to }));
    setBusy(false);
  };

  return (
    <section aria-labelledby="report-title" className="panel">
      <h2 id="report-title">{t('reportTitle')}</h2>
      <p className="muted">{t('reportHint')}</p>
      <ErrorBanner error={error} />
      <div className="row">
        <label>
          {t('reportScope')}{' '}
          <select value={area} onChange={(e) => setArea(e.target.value)}>
            {AREAS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('reportFrom')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>{' '}
        <label>
          {t('reportTo')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>{' '}
        <Button autoInsertSpace={false} onClick={() => void make()} disabled={busy || !from || !to}>
          {t('reportDownload')}
        </Button>
      </div>
    </section>
  );
}
