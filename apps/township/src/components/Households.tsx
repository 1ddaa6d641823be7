import {
  HouseholdPageDocument,
  TownshipFiltersDocument,
  type HanjiangClient,
  type HouseholdPageQuery,
  type TownshipFiltersQuery,
} from '@hanjiang/client';
import { STAGE_LABELS, STAGES, type Stage } from '@hanjiang/domain';
import { Alert, Button, Input, Table } from 'antd';
import { useEffect, useState } from 'react';
import { StageTag } from '@hanjiang/ui';

type Row = HouseholdPageQuery['households']['edges'][number]['node'];
const PAGE_SIZE = 20;

export interface Filters {
  villageId?: string;
  teamId?: string;
  stages?: Stage[];
  search?: string;
}

/**
 * The township's households, a page at a time with the gateway's Relay cursors (the stack of `after` cursors gives
 * "previous"); every filter change goes back to the first page. The gateway decides what is visible.
 */
export function Households({
  client,
  townshipCode,
  onOpen,
}: {
  client: HanjiangClient;
  townshipCode: string;
  onOpen: (id: string) => void;
}) {
  const [filters, setFilters] = useState<Filters>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<HouseholdPageQuery['households'] | null>(null);
  const [options, setOptions] = useState<TownshipFiltersQuery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    void client.urql
      .query(TownshipFiltersDocument, { townshipCode })
      .toPromise()
      .then((r) => setOptions(r.data ?? null));
  }, [client, townshipCode]);

  const after = cursors.at(-1) ?? null;
  useEffect(() => {
    let current = true;
    setLoading(true);
    void client.urql
      .query(HouseholdPageDocument, { filter: { ...filters }, after, first: PAGE_SIZE })
      .toPromise()
      .then((r) => {
        if (!current) return;
        setLoading(false);
        setPage(r.data?.households ?? null);
        const ext = r.error?.graphQLErrors[0]?.extensions as { messageZh?: string } | undefined;
        setError(r.error ? (ext?.messageZh ?? '加载失败,请重试') : null);
      });
    return () => {
      current = false;
    };
  }, [client, filters, after]);

  const change = (next: Filters) => {
    setFilters(next);
    setCursors([null]);
  };

  return (
    <section aria-labelledby="households-title">
      <h2 id="households-title">
        户籍台账 <span className="muted">共 {page?.totalCount ?? '…'} 户</span>
      </h2>
      <div className="row filters">
        {/* Native selects: light enough to keep the portal's first load within the JS budget. */}
        <select
          aria-label="村"
          className="native-select"
          value={filters.villageId ?? ''}
          onChange={(e) => change({ ...filters, villageId: e.target.value || undefined })}
        >
          <option value="">全部村</option>
          {options?.villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        <select
          aria-label="工作组"
          className="native-select"
          value={filters.teamId ?? ''}
          onChange={(e) => change({ ...filters, teamId: e.target.value || undefined })}
        >
          <option value="">全部工作组</option>
          {options?.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <select
          aria-label="环节"
          className="native-select"
          value={filters.stages?.[0] ?? ''}
          onChange={(e) =>
            change({ ...filters, stages: e.target.value ? [e.target.value as Stage] : undefined })
          }
        >
          <option value="">全部环节</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s].zh}
            </option>
          ))}
        </select>
        <Input.Search
          aria-label="户主姓名或户号"
          placeholder="户主姓名或户号"
          allowClear
          style={{ width: 240 }}
          onSearch={(search) => change({ ...filters, search: search.trim() || undefined })}
        />
      </div>
      {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={loading}
        pagination={false}
        dataSource={page?.edges.map((e) => e.node) ?? []}
        onRow={(row) => ({ onClick: () => onOpen(row.id) })}
        columns={[
          {
            title: '户号',
            dataIndex: 'code',
            render: (code: string, row) => (
              <a href={`#/households/${row.id}`} onClick={(e) => e.stopPropagation()}>
                {code}
              </a>
            ),
          },
          { title: '户主', dataIndex: 'ownerName' },
          { title: '村', render: (_, row) => row.village.name },
          { title: '工作组', render: (_, row) => row.team?.name ?? '—' },
          { title: '环节', dataIndex: 'stage', render: (stage: Stage) => <StageTag stage={stage} /> },
          { title: '建筑面积(㎡)', dataIndex: 'buildingAreaM2', align: 'right' },
        ]}
      />
      <div className="row pager">
        <Button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          上一页
        </Button>
        <span>第 {cursors.length} 页</span>
        <Button
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => page?.pageInfo.endCursor && setCursors([...cursors, page.pageInfo.endCursor])}
        >
          下一页
        </Button>
      </div>
    </section>
  );
}
