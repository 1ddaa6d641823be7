import { HEADQUARTERS } from '@hanjiang/domain';
import { useLang } from '@hanjiang/ui';

/** A headquarters user works its own headquarters; a district user starts at the first of the catalogue. */
export function initialHeadquarters(me: { tenantKind: string; tenantCode: string }): string {
  return me.tenantKind === 'headquarters' ? me.tenantCode : HEADQUARTERS[0]!.code;
}

/** The district's choice of headquarters (the catalogue is fixed, packages/domain). */
export function HeadquartersPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { lang, t } = useLang();
  return (
    <label className="hq-picker">
      {t('pickHeadquarters')}{' '}
      <select className="hj-native-select" value={value} onChange={(e) => onChange(e.target.value)}>
        {HEADQUARTERS.map((h) => (
          <option key={h.code} value={h.code}>
            {lang === 'zh' ? h.nameZh : h.code}
          </option>
        ))}
      </select>
    </label>
  );
}
