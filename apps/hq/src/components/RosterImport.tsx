import type { HanjiangClient } from '@hanjiang/client';
import { ErrorBanner, useLang } from '@hanjiang/ui';
import { Alert, Button, Progress, Spin } from 'antd';
import { useRef } from 'react';
import { importable } from '../import-flow.js';
import { useRosterImport } from '../hooks/use-roster-import.js';
import { ImportErrors } from './ImportErrors.js';

/** The roster import: choose a file, see its dry run (with every bad row), import it once it is clean. */
export function RosterImport({ client, hqCode }: { client: HanjiangClient; hqCode: string }) {
  const { t } = useLang();
  const { state, choose, importNow } = useRosterImport(client, hqCode);
  const input = useRef<HTMLInputElement>(null);
  const clean = importable(state);
  const busy = state.phase === 'reading' || state.phase === 'validating' || state.phase === 'importing';

  return (
    <section aria-labelledby="import-title" className="hq-card" data-testid="roster-import">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p className="muted">{t('importHelp')}</p>
      <div className="hj-row">
        <label className="hq-file">
          <span>{t('fileLabel')}</span>
          <input
            ref={input}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared, so choosing the same (fixed) file again fires a change too.
              e.target.value = '';
              if (file) void choose(file);
            }}
          />
        </label>
        {clean && (
          <Button type="primary" onClick={() => void importNow()}>
            {t('doImport', { rows: state.phase === 'checked' ? state.result.totalRows : 0 })}
          </Button>
        )}
      </div>
      <div aria-live="polite" className="hq-import-status">
        {state.phase === 'reading' && (
          <div data-testid="import-progress">
            <span>{t('reading')}</span>
            <Progress percent={state.percent} aria-label={t('reading')} size="small" />
          </div>
        )}
        {(state.phase === 'validating' || state.phase === 'importing') && (
          <div className="hj-row">
            <Spin size="small" /> {t(state.phase)}
          </div>
        )}
        {state.phase === 'unsupported' && <Alert type="warning" role="alert" title={t('badFormat')} />}
        {state.phase === 'unreadable' && <Alert type="warning" role="alert" title={t('unreadable')} />}
        {state.phase === 'failed' && <ErrorBanner error={state.error} />}
        {state.phase === 'checked' &&
          (clean ? (
            <Alert type="success" role="status" title={t('dryRunOk', { rows: state.result.totalRows })} />
          ) : (
            <div data-testid="dry-run">
              <p>
                {t('dryRunSummary', { rows: state.result.totalRows, errors: state.result.errors.length })}{' '}
                {t('dryRunErrors')}
              </p>
              <ImportErrors errors={state.result.errors} />
            </div>
          ))}
        {state.phase === 'imported' && (
          <Alert
            type="success"
            role="status"
            title={t('imported', {
              rows: state.result.importedRows,
              area: state.result.buildingAreaM2.toLocaleString('zh-CN'),
            })}
          />
        )}
      </div>
    </section>
  );
}
