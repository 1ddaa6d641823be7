import { useLang } from '@hanjiang/ui';
import type { ImportResult } from '../import-flow.js';

/** A roster of 50,000 bad rows would make a table too long to render or read: the first ones say what to fix. */
export const SHOWN_ERRORS = 1000;

/** Every problem of a roster by line, in the gateway's own words (messageZh / messageEn). */
export function ImportErrors({ errors }: { errors: ImportResult['errors'] }) {
  const { lang, t } = useLang();
  const shown = errors.slice(0, SHOWN_ERRORS);
  return (
    <div className="hq-scroll">
      {errors.length > shown.length && (
        <p className="muted">{t('errorsTruncated', { shown: shown.length, total: errors.length })}</p>
      )}
      <table className="hq-table" data-testid="import-errors">
        <thead>
          <tr>
            <th scope="col">{t('line')}</th>
            <th scope="col">{t('column')}</th>
            <th scope="col">{t('problem')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e, i) => (
            <tr key={`${e.line}-${e.column ?? ''}-${i}`}>
              <th scope="row">{e.line}</th>
              <td>{e.column ?? t('wholeRow')}</td>
              <td>{lang === 'en' ? e.messageEn : e.messageZh}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
