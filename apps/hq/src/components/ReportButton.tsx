import type { HanjiangClient, PublicMessage } from '@hanjiang/client';
import { addDays, shanghaiDate } from '@hanjiang/domain';
import { downloadProgressReport, ErrorBanner, useLang } from '@hanjiang/ui';
import { Button } from 'antd';
import { useState } from 'react';

/** The 推进会 report of this headquarters for the last seven days (to yesterday), as XLSX. */
export function ReportButton({
  client,
  hqCode,
  now = new Date(),
}: {
  client: HanjiangClient;
  hqCode: string;
  now?: Date;
}) {
  const { t } = useLang();
  const [error, setError] = useState<PublicMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const to = addDays(shanghaiDate(now), -1);
  const from = addDays(to, -6);
  const make = async () => {
    setBusy(true);
    setError(await downloadProgressReport(client, { scopeKind: 'HEADQUARTERS', code: hqCode, from, to }));
    setBusy(false);
  };
  return (
    <div className="row">
      <ErrorBanner error={error} />
      <Button autoInsertSpace={false} onClick={() => void make()} disabled={busy}>
        {t('reportDownload', { from, to })}
      </Button>
    </div>
  );
}
