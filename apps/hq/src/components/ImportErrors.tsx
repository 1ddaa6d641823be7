import type { ImportResult } from '../import-flow.js';
import { useLang } from '@hanjiang/ui';

/** Every problem of a roster by line, in the gateway's own words (messageZh / messageEn). */
export function ImportErrors({ errors }: { errors: ImportResult['errors'] }) {
  const { lang, t } = useLang();
  return (
    <div className="hq-scroll">
      <table className="hq-table" data-testid="import-errors">
        <thead>
          <tr>
            <th scope="col">{t('line')}</th>
            <th scope="col">{t('column')}</th>
            <th scope="col">{t('problem')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
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
