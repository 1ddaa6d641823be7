import {
  AssignTeamDocument,
  publicMessage,
  UnassignTeamDocument,
  type HanjiangClient,
  type PublicMessage,
} from '@hanjiang/client';
import { ErrorBanner, useLang } from '@hanjiang/ui';
import { Button } from 'antd';
import { useState } from 'react';

/** The selected households to a work team, or away from it (each household has at most one team). */
export function HouseholdAssignment({
  client,
  teams,
  householdIds,
  onChanged,
}: {
  client: HanjiangClient;
  teams: readonly { id: string; name: string }[];
  householdIds: readonly string[];
  onChanged: () => void;
}) {
  const { t } = useLang();
  const [teamId, setTeamId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PublicMessage | null>(null);
  const ready = teamId !== '' && householdIds.length > 0;

  const send = async (assign: boolean) => {
    setBusy(true);
    const input = { teamId, householdIds: [...householdIds] };
    const result = assign
      ? await client.urql.mutation(AssignTeamDocument, { input }).toPromise()
      : await client.urql.mutation(UnassignTeamDocument, { input }).toPromise();
    setBusy(false);
    setError(publicMessage(result.error));
    if (result.data) onChanged();
  };

  return (
    <div className="hq-assign-bar" data-testid="household-assignment">
      <div className="hj-row">
        <span>{t('selected', { count: householdIds.length })}</span>
        <select
          aria-label={t('assignTeam')}
          className="hj-native-select"
          value={teamId}
          onChange={(e) => setTeamId(e.target.value)}
        >
          <option value="">{t('chooseTeam')}</option>
          {teams.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
        <Button type="primary" disabled={!ready} loading={busy} onClick={() => void send(true)}>
          {t('assignSelected')}
        </Button>
        <Button disabled={!ready} loading={busy} onClick={() => void send(false)}>
          {t('unassignSelected')}
        </Button>
      </div>
      <ErrorBanner error={error} />
    </div>
  );
}
