// The "record the next stage" form, derived from the stage machine in packages/domain: the target is always the
// next stage, the fields are exactly that stage's payload, amounts stay exact decimal text (checked with yuanToFen),
// and the payload is checked by the same validateTransitionPayload the gateway uses.
import {
  CompensationChoice,
  nextStage,
  requiredPayloadFor,
  TRANSITION_FIELD_LABELS,
  validateTransitionPayload,
  yuanToFen,
  type PayloadProblem,
  type Stage,
  type TransitionPayload,
  type TransitionPayloadField,
} from '@hanjiang/domain';

/** How a payload field is typed into the form. */
export type FieldKind = 'area' | 'yuan' | 'choice' | 'site';

export interface FormField {
  readonly name: TransitionPayloadField;
  /** The form's name for it: amounts are typed in yuan, stored by the gateway in fen. */
  readonly input: string;
  readonly kind: FieldKind;
  readonly label: { zh: string; en: string };
}

const FIELD_KIND: Readonly<Record<TransitionPayloadField, FieldKind>> = {
  measuredBuildingAreaM2: 'area',
  measuredLandAreaM2: 'area',
  assessedAmountFen: 'yuan',
  agreedAmountFen: 'yuan',
  compensationChoice: 'choice',
  resettlementSiteId: 'site',
};

const INPUT_NAME: Readonly<Record<TransitionPayloadField, string>> = {
  measuredBuildingAreaM2: 'measuredBuildingAreaM2',
  measuredLandAreaM2: 'measuredLandAreaM2',
  assessedAmountFen: 'assessedAmountYuan',
  agreedAmountFen: 'agreedAmountYuan',
  compensationChoice: 'compensationChoice',
  resettlementSiteId: 'resettlementSiteId',
};

export interface StageFormPlan {
  readonly toStage: Stage;
  readonly fields: readonly FormField[];
}

/** The form for a household at `stage`: null at the final stage (nothing to record). */
export function stageFormPlan(stage: Stage, choice?: CompensationChoice | null): StageFormPlan | null {
  const toStage = nextStage(stage);
  if (toStage === null) return null;
  // Signing always asks for the choice; a property swap then also asks for the site.
  const fields = requiredPayloadFor(toStage, choice ?? CompensationChoice.CASH);
  return {
    toStage,
    fields: fields.map((name) => ({
      name,
      input: INPUT_NAME[name],
      kind: FIELD_KIND[name],
      label: TRANSITION_FIELD_LABELS[name],
    })),
  };
}

export type FormValues = Readonly<Record<string, string | undefined>>;

/** The mutation's payload fields (as the gateway's AdvanceStageInput names them), or every problem at once. */
export function advancePayload(
  plan: StageFormPlan,
  values: FormValues,
): { ok: true; input: Record<string, string | number> } | { ok: false; problems: PayloadProblem[] } {
  const payload: Record<string, unknown> = {};
  const input: Record<string, string | number> = {};
  const problems: PayloadProblem[] = [];
  for (const field of plan.fields) {
    const raw = values[field.input]?.trim() ?? '';
    if (raw === '') continue; // reported as missing by validateTransitionPayload
    switch (field.kind) {
      case 'area':
        payload[field.name] = Number(raw);
        input[field.input] = Number(raw);
        break;
      case 'yuan':
        try {
          payload[field.name] = yuanToFen(raw);
          input[field.input] = raw;
        } catch {
          problems.push({
            field: field.name,
            messageZh: `${field.label.zh}须为金额(元),最多两位小数`,
            messageEn: `The ${field.label.en} must be an amount in yuan with at most two decimals`,
          });
        }
        break;
      case 'choice':
      case 'site':
        payload[field.name] = raw;
        input[field.input] = raw;
        break;
    }
  }
  problems.push(
    ...validateTransitionPayload(plan.toStage, payload as TransitionPayload).filter(
      (p) => !problems.some((q) => q.field === p.field),
    ),
  );
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input };
}
