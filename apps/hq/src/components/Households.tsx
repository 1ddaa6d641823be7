import type { Principal } from '@hanjiang/authz';
import { can } from '@hanjiang/authz';
import {
  HqHouseholdPageDocument,
  HqOverviewDocument,
  type HanjiangClient,
  type HqHouseholdFieldsFragment,
} from '@hanjiang/client';
import { previousStage, STAGE_LABELS, STAGES, type Stage } from '@hanjiang/domain';
import { ErrorBanner, MaskedField, StageTag, useLang } from '@hanjiang/ui';
import { Alert, Button, Input, Modal } from 'antd';
import { useMemo, useState } from 'react';
import { useQuery } from '../hooks/use-query.js';
import { HouseholdAssignment } from './HouseholdAssignment.js';
import { RevertForm } from './RevertForm.js';

const PAGE_SIZE = 20;

interface Filters {
  villageId?: string;
  teamId?: string;
  stages?: Stage[];
  search?: string;
}

/** Where the revert rule looks: the household's township, headquarters and team (packages/authz's HouseholdScope). */
function scopeOf(h: HqHouseholdFieldsFragment) {
  return {
    townshipCode: h.township.code,
    headquartersCode: h.headquarters.code,
    teamId: h.team?.id ?? null,
    teamHomeTownshipCode: h.team?.homeTownship?.code ?? null,
  };
}

/**
 * The headquarters' households a page at a time (Relay cursors), personal data as the gateway masked it; select
 * some to move between teams; "correct stage" appears only where packages/authz lets this user revert.
 */
export function Households({
  client,
  hqCode,
  principal,
}: {
  client: HanjiangClient;
  hqCode: string;
  principal: Principal;
}) {
  const { lang, t } = useLang();
  const [filters, setFilters] = useState<Filters>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [selected, setSelected] = useState<string[]>([]);
  const [reverting, setReverting] = useState<HqHouseholdFieldsFragment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const options = useQuery(client, HqOverviewDocument, { headquartersCode: hqCode });
  const villages = useMemo(
    () => options.data?.villages.filter((v) => v.headquarters.code === hqCode) ?? [],
    [options.data, hqCode],
  );
  const teams = useMemo(
    () => options.data?.teams.filter((x) => x.headquarters.code === hqCode) ?? [],
    [options.data, hqCode],
  );
  const after = cursors.at(-1) ?? null;
  const page = useQuery(client, HqHouseholdPageDocument, {
    filter: { ...filters, headquartersCode: hqCode },
    after,
    first: PAGE_SIZE,
  });
  const rows = page.data?.households.edges.map((e) => e.node) ?? [];
  const change = (next: Filters) => {
    setFilters(next);
    setCursors([null]);
    setSelected([]);
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const mayAssign = can(principal, 'team:assign', { headquartersCode: hqCode }).allowed;

  return (
    <section aria-labelledby="households-title">
      <h2 id="households-title">
        {t('tabHouseholds')}{' '}
        <span className="muted">{t('total', { count: page.data?.households.totalCount ?? '…' })}</span>
      </h2>
      <div className="hj-row hq-filters">
        <select
          aria-label={t('village')}
          className="hj-native-select"
          value={filters.villageId ?? ''}
          onChange={(e) => change({ ...filters, villageId: e.target.value || undefined })}
        >
          <option value="">{t('allVillages')}</option>
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        <select
          aria-label={t('team')}
          className="hj-native-select"
          value={filters.teamId ?? ''}
          onChange={(e) => change({ ...filters, teamId: e.target.value || undefined })}
        >
          <option value="">{t('allTeams')}</option>
          {teams.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
        <select
          aria-label={t('stage')}
          className="hj-native-select"
          value={filters.stages?.[0] ?? ''}
          onChange={(e) =>
            change({ ...filters, stages: e.target.value ? [e.target.value as Stage] : undefined })
          }
        >
          <option value="">{t('allStages')}</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s][lang]}
            </option>
          ))}
        </select>
        <Input.Search
          aria-label={t('search')}
          placeholder={t('search')}
          allowClear
          style={{ width: 240 }}
          onSearch={(search) => change({ ...filters, search: search.trim() || undefined })}
        />
      </div>
      <ErrorBanner error={page.error} />
      {notice && (
        <Alert type="success" role="status" title={notice} closable={{ onClose: () => setNotice(null) }} />
      )}
      {mayAssign && (
        <HouseholdAssignment
          client={client}
          teams={teams}
          householdIds={selected}
          onChanged={() => {
            setSelected([]);
            page.reload();
          }}
        />
      )}
      <div className="hq-scroll">
        <table className="hq-table" data-testid="households" aria-busy={page.loading}>
          <thead>
            <tr>
              {mayAssign && <th scope="col">{t('selected', { count: selected.length })}</th>}
              <th scope="col">{t('code')}</th>
              <th scope="col">{t('owner')}</th>
              <th scope="col">{t('idNumber')}</th>
              <th scope="col">{t('phone')}</th>
              <th scope="col">{t('village')}</th>
              <th scope="col">{t('team')}</th>
              <th scope="col">{t('stage')}</th>
              <th scope="col" className="num">
                {t('area')}
              </th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.id} data-code={h.code}>
                {mayAssign && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('select', { code: h.code })}
                      checked={selected.includes(h.id)}
                      onChange={(e) => toggle(h.id, e.target.checked)}
                    />
                  </td>
                )}
                <th scope="row">{h.code}</th>
                <td>{h.ownerName}</td>
                <td>
                  <MaskedField value={h.ownerIdNumber} masked={h.piiMasked} testId="id-number" />
                </td>
                <td>{h.phone ?? '—'}</td>
                <td>{h.village.name}</td>
                <td>{h.team?.name ?? '—'}</td>
                <td>
                  <StageTag stage={h.stage} />
                </td>
                <td className="num">{h.buildingAreaM2}</td>
                <td>
                  {previousStage(h.stage) !== null &&
                    can(principal, 'household:revert', scopeOf(h)).allowed && (
                      <Button size="small" onClick={() => setReverting(h)}>
                        {t('revert')}
                      </Button>
                    )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="hj-row hq-pager">
        <Button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('prev')}
        </Button>
        <span>{t('page', { page: cursors.length })}</span>
        <Button
          disabled={!page.data?.households.pageInfo.hasNextPage}
          onClick={() => {
            const end = page.data?.households.pageInfo.endCursor;
            if (end) setCursors([...cursors, end]);
          }}
        >
          {t('next')}
        </Button>
      </div>
      <Modal open={reverting !== null} footer={null} onCancel={() => setReverting(null)} destroyOnHidden>
        {reverting && (
          <RevertForm
            client={client}
            household={reverting}
            onCancel={() => setReverting(null)}
            onConflict={page.reload}
            onDone={(updated) => {
              setReverting(null);
              setNotice(t('reverted', { code: updated.code, stage: STAGE_LABELS[updated.stage][lang] }));
              page.reload();
            }}
          />
        )}
      </Modal>
    </section>
  );
}
