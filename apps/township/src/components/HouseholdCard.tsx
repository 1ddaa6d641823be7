import {
  HouseholdCardDocument,
  type HanjiangClient,
  type HouseholdCardFieldsFragment,
} from '@hanjiang/client';
import { STAGE_LABELS } from '@hanjiang/domain';
import { Alert, Button, Descriptions, Result, Spin, Timeline } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { AdvanceForm } from './AdvanceForm.js';
import { FieldWork } from './FieldWork.js';
import { MaskedField, StageTag, useLang } from '@hanjiang/ui';

// Times as the campaign lives them: Asia/Shanghai, in the reader's language.
const TIME = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }),
};

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
  const { lang, t } = useLang();
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
        title={t('notFound')}
        subTitle={t('notFoundHint')}
        extra={<Button onClick={onBack}>{t('back')}</Button>}
      />
    );
  return (
    <section aria-labelledby="card-title" data-testid="household-card">
      <Button onClick={onBack} style={{ marginBottom: 12 }}>
        {t('back')}
      </Button>
      <h2 id="card-title">
        {household.code} {household.ownerName} <StageTag stage={household.stage} />
      </h2>
      {conflict && (
        <Alert type="warning" role="alert" title={t('changedBySomeone')} style={{ marginBottom: 12 }} />
      )}
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('idNumber')}>
          <MaskedField value={household.ownerIdNumber} masked={household.piiMasked} testId="id-number" />
        </Descriptions.Item>
        <Descriptions.Item label={t('phone')}>{household.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('townshipVillage')}>
          {household.township.nameZh} / {household.village.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('headquarters')}>{household.headquarters.nameZh}</Descriptions.Item>
        <Descriptions.Item label={t('team')}>{household.team?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('buildingArea')}>{household.buildingAreaM2} ㎡</Descriptions.Item>
        <Descriptions.Item label={t('landArea')}>
          {t('landAreaValue', { m2: household.landAreaM2, mu: household.landAreaMu })}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessedAmount')}>
          {household.assessedAmountYuan ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('agreedAmount')}>{household.agreedAmountYuan ?? '—'}</Descriptions.Item>
      </Descriptions>
      <div className="card-columns">
        <div>
          <h3>{t('history')}</h3>
          {household.events.length === 0 ? (
            <p className="muted">{t('noHistory')}</p>
          ) : (
            <Timeline
              items={household.events.map((e) => ({
                key: e.id,
                content: `${TIME[lang].format(new Date(e.occurredAt))} ${STAGE_LABELS[e.fromStage][lang]} → ${
                  STAGE_LABELS[e.toStage][lang]
                } (${e.actor})${e.reason ? `: ${e.reason}` : ''}`,
              }))}
            />
          )}
          <FieldWork household={household} />
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
