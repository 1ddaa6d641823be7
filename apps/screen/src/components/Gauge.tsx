import type { CampaignFieldsFragment } from '@hanjiang/client';
import { m2ToWan } from '@hanjiang/domain';
import { t, type Lang } from '../i18n.js';

/** The campaign gauge: signed area against the target, the day, and the pace needed against the recent pace. */
export function Gauge({ campaign, lang }: { campaign: CampaignFieldsFragment; lang: Lang }) {
  const onPace = campaign.paceLast7DaysM2 >= campaign.paceNeededPerDayM2;
  return (
    <section className="panel gauge" aria-labelledby="gauge-title">
      <h2 id="gauge-title">{t(lang, 'signedArea')}</h2>
      <div className="gauge-figure" data-testid="signed-area">
        <span className="big">{m2ToWan(campaign.signedAreaM2)}</span>
        <span className="unit">{t(lang, 'wanM2')}</span>
      </div>
      <div className="gauge-target">{t(lang, 'ofTarget', { t: m2ToWan(campaign.targetAreaM2) })}</div>
      <div
        className="bar bar-large"
        role="progressbar"
        aria-label={t(lang, 'signedArea')}
        aria-valuenow={campaign.signedAreaPctOfTarget}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className="bar-fill" style={{ width: `${campaign.signedAreaPctOfTarget}%` }} />
        <span className="bar-text">{campaign.signedAreaPctOfTarget}%</span>
      </div>
      <dl className="gauge-facts">
        <div>
          <dt>{t(lang, 'households')}</dt>
          <dd>{campaign.signedHouseholdsPct}%</dd>
        </div>
        <div>
          <dt>{t(lang, 'paceNeeded')}</dt>
          <dd>{campaign.paceNeededPerDayM2.toLocaleString('zh-CN')} m²</dd>
        </div>
        <div>
          <dt>{t(lang, 'paceRecent')}</dt>
          <dd className={onPace ? 'good' : 'bad'} data-testid="pace-recent">
            {campaign.paceLast7DaysM2.toLocaleString('zh-CN')} m²{' '}
            <span className="pace-badge">{onPace ? t(lang, 'onPace') : t(lang, 'behindPace')}</span>
          </dd>
        </div>
        <div>
          <dt>{t(lang, 'today')}</dt>
          <dd data-testid="signed-today">{t(lang, 'signedToday', { n: campaign.signedToday })}</dd>
        </div>
      </dl>
    </section>
  );
}
