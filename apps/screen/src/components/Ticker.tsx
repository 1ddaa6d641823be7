import { t, type Lang } from '../i18n.js';
import type { TickerItem } from '../model.js';

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

export function Ticker({ items, lang }: { items: readonly TickerItem[]; lang: Lang }) {
  return (
    <section className="panel ticker" aria-labelledby="ticker-title" aria-live="polite" data-testid="ticker">
      <h2 id="ticker-title">{t(lang, 'ticker')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t(lang, 'noMilestones')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.id} data-seq={item.seq}>
              <time dateTime={item.reachedAt}>{TIME.format(new Date(item.reachedAt))}</time>
              <span>{item.label[lang]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
