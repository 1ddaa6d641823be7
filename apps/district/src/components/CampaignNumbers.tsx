import type { CampaignFieldsFragment } from '@hanjiang/client';
import { ProgressBar, useLang } from '@hanjiang/ui';

const n = (value: number) => Math.round(value).toLocaleString('zh-CN');

/** The campaign gauge's numbers (奋战100天,征迁300万), as the gateway computes them. */
export function CampaignNumbers({ campaign }: { campaign: CampaignFieldsFragment }) {
  const { t } = useLang();
  const figures: [string, string][] = [
    [t('signedHouseholds'), `${campaign.signedHouseholdsPct}%`],
    [t('paceNeeded'), `${n(campaign.paceNeededPerDayM2)} m²`],
    [t('paceLast7'), `${n(campaign.paceLast7DaysM2)} m²`],
    [t('signedToday'), n(campaign.signedToday)],
  ];
  return (
    <section aria-labelledby="campaign-title" className="panel" data-testid="campaign">
      <h2 id="campaign-title">
        {t('campaignTitle')}{' '}
        <span className="muted">
          {campaign.name} · {t('campaignDay', { day: campaign.day, length: campaign.lengthDays })}
        </span>
      </h2>
      <ProgressBar
        label={t('signedArea')}
        part={Math.round(campaign.signedAreaM2)}
        total={Math.round(campaign.targetAreaM2)}
        unit="m²"
      />
      <dl className="figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
