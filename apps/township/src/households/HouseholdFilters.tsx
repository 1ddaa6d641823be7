import type { TownshipFiltersQuery } from '@hanjiang/client';
import { STAGE_LABELS, STAGES, type Stage } from '@hanjiang/domain';
import { useLang } from '@hanjiang/ui';
import { Button } from 'antd';
import { useState } from 'react';
import type { Filters } from '../use-household-pages.js';

/**
 * Village, team, stage and a name-or-code search. Native selects and input: light enough to keep the signed-in
 * first load within the JS budget (antd's Select and Input cost tens of KiB), and keyboard-usable as they are.
 */
export function HouseholdFilters({
  options,
  filters,
  onChange,
}: {
  options: TownshipFiltersQuery | null;
  filters: Filters;
  onChange: (next: Filters) => void;
}) {
  const { lang, t } = useLang();
  const [search, setSearch] = useState(filters.search ?? '');
  const submitSearch = (text: string) => onChange({ ...filters, search: text.trim() || undefined });
  return (
    <div className="row filters">
      <select
        aria-label={t('village')}
        className="native-select"
        value={filters.villageId ?? ''}
        onChange={(e) => onChange({ ...filters, villageId: e.target.value || undefined })}
      >
        <option value="">{t('allVillages')}</option>
        {options?.villages.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('team')}
        className="native-select"
        value={filters.teamId ?? ''}
        onChange={(e) => onChange({ ...filters, teamId: e.target.value || undefined })}
      >
        <option value="">{t('allTeams')}</option>
        {options?.teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('stage')}
        className="native-select"
        value={filters.stages?.[0] ?? ''}
        onChange={(e) =>
          onChange({ ...filters, stages: e.target.value ? [e.target.value as Stage] : undefined })
        }
      >
        <option value="">{t('allStages')}</option>
        {STAGES.map((s) => (
          <option key={s} value={s}>
            {STAGE_LABELS[s][lang]}
          </option>
        ))}
      </select>
      <form
        role="search"
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          submitSearch(search);
        }}
      >
        <input
          type="search"
          className="native-input"
          aria-label={t('search')}
          placeholder={t('search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            // Clearing the box (its ✕ or deleting everything) shows every household again.
            if (e.target.value === '' && filters.search) submitSearch('');
          }}
        />
        <Button htmlType="submit">{t('searchButton')}</Button>
      </form>
    </div>
  );
}
