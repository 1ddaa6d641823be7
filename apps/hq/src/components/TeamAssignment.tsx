import {
  AssignTeamDocument,
  publicMessage,
  UnassignTeamDocument,
  type HanjiangClient,
  type PublicMessage,
  type TeamAssignmentFieldsFragment,
} from '@hanjiang/client';
import { ErrorBanner, useLang } from '@hanjiang/ui';
import { Alert, Button, Checkbox } from 'antd';
import { useState } from 'react';

interface Named {
  id: string;
  name: string;
}

/** A commander gives villages to a work team or takes them back (the gateway moves the households with them). */
export function TeamAssignment({
  client,
  teams,
  villages,
  onChanged,
}: {
  client: HanjiangClient;
  teams: readonly Named[];
  villages: readonly Named[];
  onChanged: () => void;
}) {
  const { t } = useLang();
  const [teamId, setTeamId] = useState('');
  const [villageIds, setVillageIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PublicMessage | null>(null);
  const [done, setDone] = useState<TeamAssignmentFieldsFragment | null>(null);
  const ready = teamId !== '' && villageIds.length > 0;

  const send = async (assign: boolean) => {
    setBusy(true);
    const input = { teamId, villageIds };
    const result = assign
      ? await client.urql.mutation(AssignTeamDocument, { input }).toPromise()
      : await client.urql.mutation(UnassignTeamDocument, { input }).toPromise();
    setBusy(false);
    setError(publicMessage(result.error));
    const data = result.data;
    const changed = data && ('assignTeam' in data ? data.assignTeam : data.unassignTeam);
    setDone(changed ?? null);
    if (changed) onChanged();
  };

  return (
    <section aria-labelledby="assign-title" className="hq-card" data-testid="team-assignment">
      <h2 id="assign-title">{t('assignTitle')}</h2>
      <label className="hq-field">
        {t('assignTeam')}{' '}
        <select className="hj-native-select" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          <option value="">{t('chooseTeam')}</option>
          {teams.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="hq-fieldset">
        <legend>{t('assignVillages')}</legend>
        <Checkbox.Group
          value={villageIds}
          onChange={(ids) => setVillageIds(ids)}
          options={villages.map((v) => ({ value: v.id, label: v.name }))}
        />
      </fieldset>
      <div className="hj-row">
        <Button type="primary" disabled={!ready} loading={busy} onClick={() => void send(true)}>
          {t('assign')}
        </Button>
        <Button disabled={!ready} loading={busy} onClick={() => void send(false)}>
          {t('unassign')}
        </Button>
        {!ready && <span className="muted">{t('chooseFirst')}</span>}
      </div>
      <ErrorBanner error={error} />
      {done && (
        <Alert
          type="success"
          role="status"
          style={{ marginTop: 12 }}
          title={t('assignDone', {
            team: done.team.name,
            villages: done.villagesChanged,
            households: done.householdsChanged,
            list: done.villages.map((v) => v.name).join('、') || t('none'),
          })}
        />
      )}
    </section>
  );
}
