import type { HouseholdCardFieldsFragment } from '@hanjiang/client';
import { DISPUTE_CATEGORY_LABELS, DISPUTE_STATE_LABELS, VISIT_PURPOSE_LABELS } from '@hanjiang/domain';
import { Tag, Timeline } from 'antd';
import { useLang } from '@hanjiang/ui';

const TIME = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }),
};

/** The household card's field work (issue 14): open disputes first (what needs the team), then the visit log. */
export function FieldWork({
  household,
}: {
  household: Pick<HouseholdCardFieldsFragment, 'visits' | 'openDisputes'>;
}) {
  const { lang, t } = useLang();
  return (
    <div data-testid="field-work">
      <h3>{t('openDisputes')}</h3>
      {household.openDisputes.length === 0 ? (
        <p className="muted">{t('noOpenDisputes')}</p>
      ) : (
        <ul data-testid="open-disputes">
          {household.openDisputes.map((d) => (
            <li key={d.id}>
              <Tag color="red">{DISPUTE_STATE_LABELS[d.state][lang]}</Tag>
              {DISPUTE_CATEGORY_LABELS[d.category][lang]} · {t('mediator')} {d.mediator} ·{' '}
              {TIME[lang].format(new Date(d.openedAt))}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('visits')}</h3>
      {household.visits.length === 0 ? (
        <p className="muted">{t('noVisits')}</p>
      ) : (
        <Timeline
          items={household.visits.map((v) => ({
            key: v.id,
            content: (
              <span data-testid="visit">
                {TIME[lang].format(new Date(v.visitedAt))} {VISIT_PURPOSE_LABELS[v.purpose][lang]}
                {v.offHours && (
                  <Tag color="purple" style={{ marginLeft: 6 }}>
                    {t('offHours')}
                  </Tag>
                )}
                <br />
                {t('metWith')} {v.metWith}:{v.outcome}
                {v.nextStep ? `(${t('nextStep')} ${v.nextStep})` : ''}
              </span>
            ),
          }))}
        />
      )}
    </div>
  );
}
