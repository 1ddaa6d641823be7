import {
  HouseholdCardDocument,
  type HanjiangClient,
  type HouseholdCardFieldsFragment,
} from '@hanjiang/client';
import { STAGE_LABELS } from '@hanjiang/domain';
import { Alert, Button, Descriptions, Result, Spin, Timeline } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { AdvanceForm } from './AdvanceForm.js';
import { MaskedField, StageTag } from '@hanjiang/ui';

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** One household as the gateway shows it to the caller: personal data masked exactly as the gateway masked it. */
export function HouseholdCard({
  client,
  id,
  onBack,
}: {
  client: HanjiangClient;
  id: string;
  onBack: () => void;
}) {
  const [household, setHousehold] = useState<HouseholdCardFieldsFragment | null | undefined>(undefined);
  const [conflict, setConflict] = useState(false);
  const load = useCallback(
    () =>
      client.urql
        .query(HouseholdCardDocument, { id })
        .toPromise()
        .then((r) => setHousehold(r.data ? (r.data.household ?? null) : null)),
    [client, id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  if (household === undefined) return <Spin />;
  if (household === null)
    return (
      <Result
        status="404"
        title="未找到该户"
        subTitle="该户不存在,或不在您的权限范围内"
        extra={<Button onClick={onBack}>返回台账</Button>}
      />
    );
  return (
    <section aria-labelledby="card-title" data-testid="household-card">
      <Button onClick={onBack} style={{ marginBottom: 12 }}>
        返回台账
      </Button>
      <h2 id="card-title">
        {household.code} {household.ownerName} <StageTag stage={household.stage} />
      </h2>
      {conflict && (
        <Alert
          type="warning"
          role="alert"
          title="该户已被他人修改,以下为最新状态"
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="身份证号">
          <MaskedField value={household.ownerIdNumber} masked={household.piiMasked} testId="id-number" />
        </Descriptions.Item>
        <Descriptions.Item label="联系电话">{household.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="乡镇 / 村">
          {household.township.nameZh} / {household.village.name}
        </Descriptions.Item>
        <Descriptions.Item label="指挥部">{household.headquarters.nameZh}</Descriptions.Item>
        <Descriptions.Item label="工作组">{household.team?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="建筑面积">{household.buildingAreaM2} ㎡</Descriptions.Item>
        <Descriptions.Item label="土地面积">
          {household.landAreaM2} ㎡({household.landAreaMu} 亩)
        </Descriptions.Item>
        <Descriptions.Item label="评估金额">{household.assessedAmountYuan ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="协议金额">{household.agreedAmountYuan ?? '—'}</Descriptions.Item>
      </Descriptions>
      <div className="card-columns">
        <div>
          <h3>环节记录</h3>
          <Timeline
            items={household.events.map((e) => ({
              key: e.id,
              content: `${TIME.format(new Date(e.occurredAt))} ${STAGE_LABELS[e.fromStage].zh} → ${
                STAGE_LABELS[e.toStage].zh
              }(${e.actor})${e.reason ? `:${e.reason}` : ''}`,
            }))}
          />
        </div>
        <div>
          <AdvanceForm
            key={household.version}
            client={client}
            household={household}
            onDone={(updated) => {
              setConflict(false);
              setHousehold(updated);
            }}
            onConflict={() => {
              setConflict(true);
              void load();
            }}
          />
        </div>
      </div>
    </section>
  );
}
