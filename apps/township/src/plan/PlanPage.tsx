import {
  FieldTeamDocument,
  type HanjiangClient,
  type PlanAction,
  PlanHouseholdsDocument,
  PlanTeamDayDocument,
  TeamDayFulfilmentDocument,
  TeamPlansDocument,
} from '@hanjiang/client';
import { addDays, shanghaiDate, STAGE_LABELS } from '@hanjiang/domain';
import { useLang } from '@hanjiang/ui';
import { Alert, Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import {
  addItem,
  type DraftItem,
  draftOf,
  type Fulfilment,
  fulfilmentOf,
  type ItemProblem,
  planProblems,
  removeItem,
  toPlanInput,
} from './plan-logic.js';

type Household = { id: string; code: string; ownerName: string; stage: keyof typeof STAGE_LABELS };

/**
 * Tomorrow's plan (次日计划) for the team lead's own team: households to measure and assessment groups to send,
 * saved through the gateway (which applies the plan rules and answers every problem in both languages), and
 * yesterday's fulfilment from the nightly summary.
 */
export function PlanPage({ client, now = new Date() }: { client: HanjiangClient; now?: Date }) {
  const { lang, t } = useLang();
  const today = shanghaiDate(now);
  const tomorrow = addDays(today, 1);
  const yesterday = addDays(today, -1);
  const [teamId, setTeamId] = useState<string | null | undefined>(undefined);
  const [households, setHouseholds] = useState<Household[]>([]);
  const [items, setItems] = useState<DraftItem[]>([]);
  const [done, setDone] = useState<Fulfilment | null>(null);
  const [choice, setChoice] = useState({ householdId: '', action: 'MEASURE' as PlanAction, group: '' });
  const [problems, setProblems] = useState<ItemProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    const q = client.urql;
    void (async () => {
      const me = await q.query(FieldTeamDocument, {}, { requestPolicy: 'network-only' }).toPromise();
      const team = me.data?.me?.teamId ?? null;
      if (!current) return;
      setTeamId(team);
      if (!team) return;
      const [list, plans, summary] = await Promise.all([
        q.query(PlanHouseholdsDocument, { teamId: team }).toPromise(),
        q.query(TeamPlansDocument, { day: tomorrow }, { requestPolicy: 'network-only' }).toPromise(),
        q.query(TeamDayFulfilmentDocument, { day: yesterday }).toPromise(),
      ]);
      if (!current) return;
      setHouseholds((list.data?.households.edges ?? []).map((e) => e.node));
      setItems(draftOf(plans.data?.teamPlans, team));
      setDone(fulfilmentOf(summary.data?.dailySummary, team));
    })();
    return () => {
      current = false;
    };
  }, [client, tomorrow, yesterday]);

  const change = (next: DraftItem[]) => {
    setItems(next);
    setProblems([]);
    setSaved(false);
  };
  const add = () => {
    const h = households.find((x) => x.id === choice.householdId);
    if (h) change(addItem(items, h, choice.action, choice.group));
  };
  const save = async () => {
    setBusy(true);
    const result = await client.urql
      .mutation(PlanTeamDayDocument, { input: toPlanInput(teamId!, tomorrow, items) })
      .toPromise();
    setBusy(false);
    setProblems(planProblems(result.error));
    if (result.data) {
      setItems(draftOf([result.data.planTeamDay], teamId!));
      setSaved(true);
    }
  };

  if (teamId === undefined) return <Spin />;
  if (teamId === null) return <p className="muted">{t('planNoTeam')}</p>;
  const general = problems.filter((p) => p.index === null);
  return (
    <div className="plan-page" data-testid="plan-page">
      <h2>{t('planTitle', { day: tomorrow })}</h2>
      <p data-testid="plan-yesterday">
        {t('planYesterday', { day: yesterday })}{' '}
        {done && done.planned > 0
          ? t('planFulfilment', {
              planned: done.planned,
              fulfilled: done.fulfilled,
              rate: `${Math.round((done.rate ?? 0) * 100)}%`,
            })
          : t('planNoFulfilment')}
      </p>
      {general.map((p, n) => (
        <Alert key={n} type="error" role="alert" title={p[lang]} />
      ))}
      {saved && <Alert type="success" title={t('planSaved')} />}
      <div className="row">
        <label>
          {t('planHousehold')}{' '}
          <select
            value={choice.householdId}
            onChange={(e) => setChoice({ ...choice, householdId: e.target.value })}
          >
            <option value="">—</option>
            {households.map((h) => (
              <option key={h.id} value={h.id}>
                {h.code} {h.ownerName}({STAGE_LABELS[h.stage][lang]})
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('planAction')}{' '}
          <select
            value={choice.action}
            onChange={(e) => setChoice({ ...choice, action: e.target.value as PlanAction })}
          >
            <option value="MEASURE">{t('planMeasure')}</option>
            <option value="ASSESS">{t('planAssess')}</option>
          </select>
        </label>{' '}
        {choice.action === 'ASSESS' && (
          <label>
            {t('planGroup')}{' '}
            <input value={choice.group} onChange={(e) => setChoice({ ...choice, group: e.target.value })} />
          </label>
        )}{' '}
        <Button autoInsertSpace={false} onClick={add} disabled={!choice.householdId}>
          {t('planAdd')}
        </Button>
      </div>
      {items.length === 0 ? (
        <p className="muted">{t('planEmpty')}</p>
      ) : (
        <ol data-testid="plan-items">
          {items.map((item, n) => (
            <li key={item.householdId}>
              {item.householdCode} · {item.action === 'MEASURE' ? t('planMeasure') : t('planAssess')}
              {item.assessmentGroup ? ` · ${item.assessmentGroup}` : ''}{' '}
              <Button
                size="small"
                autoInsertSpace={false}
                onClick={() => change(removeItem(items, item.householdId))}
              >
                {t('planRemove')}
              </Button>
              {problems
                .filter((p) => p.index === n)
                .map((p, k) => (
                  <div key={k} className="plan-problem" role="alert">
                    {p[lang]}
                  </div>
                ))}
            </li>
          ))}
        </ol>
      )}
      <Button type="primary" autoInsertSpace={false} onClick={() => void save()} disabled={busy}>
        {t('planSave')}
      </Button>
    </div>
  );
}
