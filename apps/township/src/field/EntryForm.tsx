import {
  DISPUTE_CATEGORY_LABELS,
  DisputeCategory,
  Stage,
  STAGE_LABELS,
  VISIT_PURPOSE_LABELS,
  VisitPurpose,
} from '@hanjiang/domain';
import { useLang } from '@hanjiang/ui';
import { Alert, Button } from 'antd';
import { useState, type FormEvent } from 'react';
import { advancePayload, stageFormPlan } from '../stage-form.js';
import type { CachedHousehold, EntryKind, QueueEntry } from './queue.js';

type Values = Record<string, string>;

/** The mutation input of one entry from the form's values, or the labels of what is missing. */
function entryInput(
  kind: EntryKind,
  household: CachedHousehold,
  v: Values,
  lang: 'zh' | 'en',
): { input: Record<string, unknown> } | { missing: string[] } {
  const need = (pairs: [string, string][]) =>
    pairs.filter(([name]) => !v[name]?.trim()).map(([, label]) => label);
  switch (kind) {
    case 'visit': {
      const missing = need([
        ['purpose', 'purpose'],
        ['metWith', 'metWithLabel'],
        ['outcome', 'outcome'],
      ]);
      if (missing.length) return { missing };
      return {
        input: {
          householdId: household.id,
          purpose: v.purpose,
          metWith: v.metWith!.trim(),
          outcome: v.outcome!.trim(),
          nextStep: v.nextStep?.trim() || null,
          visitedAt: new Date().toISOString(),
        },
      };
    }
    case 'dispute': {
      const missing = need([
        ['category', 'category'],
        ['mediator', 'mediatorLabel'],
      ]);
      if (missing.length) return { missing };
      return {
        input: {
          householdId: household.id,
          category: v.category,
          mediator: v.mediator!.trim(),
          notes: v.notes?.trim() || null,
        },
      };
    }
    case 'measure': {
      // The measurement's payload and its checks are the stage machine's, as on the household card.
      const plan = stageFormPlan(Stage.SURVEYED)!;
      const payload = advancePayload(plan, v);
      if (!payload.ok)
        return { missing: payload.problems.map((p) => (lang === 'zh' ? p.messageZh : p.messageEn)) };
      return { input: { householdId: household.id, toStage: plan.toStage, ...payload.input } };
    }
  }
}

/** Records one entry on the phone: it joins the queue with a fresh idempotency key and the version seen. */
export function EntryForm({
  households,
  onAdd,
}: {
  households: readonly CachedHousehold[];
  onAdd: (entry: QueueEntry) => Promise<void>;
}) {
  const { lang, t } = useLang();
  const [householdId, setHouseholdId] = useState('');
  const [kind, setKind] = useState<EntryKind>('visit');
  const [values, setValues] = useState<Values>({});
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const household = households.find((h) => h.id === householdId);
  const measureBlocked = kind === 'measure' && household && household.stage !== Stage.SURVEYED;
  const field = (name: string) => ({
    id: `fe-${name}`,
    name,
    value: values[name] ?? '',
    onChange: (e: { target: { value: string } }) => setValues((old) => ({ ...old, [name]: e.target.value })),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!household || measureBlocked) return;
    const built = entryInput(kind, household, values, lang);
    if ('missing' in built) {
      const labels = built.missing.map((m) => (kind === 'measure' ? m : t(m as 'outcome')));
      setNote({
        ok: false,
        text: kind === 'measure' ? labels.join('; ') : t('required', { fields: labels.join(', ') }),
      });
      return;
    }
    await onAdd({
      key: crypto.randomUUID(),
      kind,
      householdId: household.id,
      householdCode: household.code,
      ownerName: household.ownerName,
      seenVersion: household.version,
      recordedAt: new Date().toISOString(),
      input: built.input,
      state: 'waiting',
    });
    setValues({});
    setNote({ ok: true, text: t('saved') });
  };

  return (
    <form className="field-form" aria-label={t('fieldTitle')} onSubmit={(e) => void submit(e)}>
      <label htmlFor="fe-household">{t('pickHousehold')}</label>
      <select id="fe-household" value={householdId} onChange={(e) => setHouseholdId(e.target.value)}>
        <option value="">{t('choose')}</option>
        {households.map((h) => (
          <option key={h.id} value={h.id}>
            {h.code} {h.ownerName} · {h.village} · {STAGE_LABELS[h.stage][lang]}
          </option>
        ))}
      </select>
      <label htmlFor="fe-kind">{t('entryKind')}</label>
      <select id="fe-kind" value={kind} onChange={(e) => setKind(e.target.value as EntryKind)}>
        <option value="visit">{t('entryVisit')}</option>
        <option value="measure">{t('entryMeasure')}</option>
        <option value="dispute">{t('entryDispute')}</option>
      </select>
      {kind === 'visit' && (
        <>
          <label htmlFor="fe-purpose">{t('purpose')}</label>
          <select {...field('purpose')}>
            <option value="">{t('choose')}</option>
            {Object.values(VisitPurpose).map((p) => (
              <option key={p} value={p}>
                {VISIT_PURPOSE_LABELS[p][lang]}
              </option>
            ))}
          </select>
          <label htmlFor="fe-metWith">{t('metWithLabel')}</label>
          <input {...field('metWith')} maxLength={200} />
          <label htmlFor="fe-outcome">{t('outcome')}</label>
          <textarea {...field('outcome')} rows={3} maxLength={2000} />
          <label htmlFor="fe-nextStep">{t('nextStepLabel')}</label>
          <input {...field('nextStep')} maxLength={2000} />
        </>
      )}
      {kind === 'measure' &&
        stageFormPlan(Stage.SURVEYED)!.fields.map((f) => (
          <div key={f.input} className="field-row">
            <label htmlFor={`fe-${f.input}`}>{f.label[lang]}(㎡)</label>
            <input {...field(f.input)} inputMode="decimal" />
          </div>
        ))}
      {kind === 'dispute' && (
        <>
          <label htmlFor="fe-category">{t('category')}</label>
          <select {...field('category')}>
            <option value="">{t('choose')}</option>
            {Object.values(DisputeCategory).map((c) => (
              <option key={c} value={c}>
                {DISPUTE_CATEGORY_LABELS[c][lang]}
              </option>
            ))}
          </select>
          <label htmlFor="fe-mediator">{t('mediatorLabel')}</label>
          <input {...field('mediator')} maxLength={100} />
          <label htmlFor="fe-notes">{t('notes')}</label>
          <textarea {...field('notes')} rows={3} maxLength={2000} />
        </>
      )}
      {measureBlocked && (
        <Alert
          type="warning"
          title={t('measureOnlySurveyed', { stage: STAGE_LABELS[household.stage][lang] })}
        />
      )}
      {note && (
        <Alert type={note.ok ? 'success' : 'warning'} role={note.ok ? 'status' : 'alert'} title={note.text} />
      )}
      <Button type="primary" htmlType="submit" disabled={!household || !!measureBlocked} block>
        {t('saveOnPhone')}
      </Button>
    </form>
  );
}
