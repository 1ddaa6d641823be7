import type { HanjiangClient } from '@hanjiang/client';
import { ErrorBanner, useLang } from '@hanjiang/ui';
import { Button } from 'antd';
import { type AuditRow, useAuditLog } from '../use-audit-log.js';
import { DataTable } from './DataTable.js';

const PAGE_SIZE = 20;
const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'medium',
});

/** The hash-chained audit log for the supervision group, newest first, paged with the gateway's `before`. */
export function AuditLog({ client }: { client: HanjiangClient }) {
  const { t } = useLang();
  const log = useAuditLog(client, PAGE_SIZE);
  return (
    <section aria-labelledby="audit-title" className="panel">
      <h2 id="audit-title">
        {t('auditTitle')}{' '}
        <span className="muted" data-testid="audit-page">
          {t('auditPage', { page: log.page })}
        </span>
      </h2>
      <ErrorBanner error={log.error} />
      <DataTable<AuditRow>
        caption={t('auditTitle')}
        rowKey={(r) => r.id}
        rows={log.rows}
        busy={log.loading}
        emptyText={log.loading ? t('loading') : t('auditEmpty')}
        testId="audit-table"
        columns={[
          { key: 'id', title: t('colId'), numeric: true, render: (r) => r.id },
          { key: 'at', title: t('colAt'), render: (r) => TIME.format(new Date(r.at)) },
          { key: 'actor', title: t('colActor'), render: (r) => r.actor },
          { key: 'tenant', title: t('colTenant'), render: (r) => r.tenantCode ?? '—' },
          { key: 'operation', title: t('colOperation'), render: (r) => r.operation },
          { key: 'outcome', title: t('colOutcome'), render: (r) => r.outcome },
          { key: 'request', title: t('colRequest'), render: (r) => r.requestId ?? '—' },
        ]}
      />
      <nav className="row pager" aria-label={t('auditTitle')}>
        <Button autoInsertSpace={false} onClick={log.newer} disabled={!log.hasNewer || log.loading}>
          {t('newer')}
        </Button>
        <Button autoInsertSpace={false} onClick={log.older} disabled={!log.hasOlder || log.loading}>
          {t('older')}
        </Button>
      </nav>
    </section>
  );
}
