import type { HanjiangClient, HouseholdCardFieldsFragment } from '@hanjiang/client';
import { CombinedError } from '@urql/core';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderInPortal, stubMatchMedia } from '../test-support.js';
import { AdvanceForm } from './AdvanceForm.js';

beforeAll(stubMatchMedia); // antd reads media queries; jsdom has none.
afterEach(cleanup);

const household = {
  id: 'h1',
  code: 'BS-001',
  stage: 'MEASURED',
  version: 3,
} as HouseholdCardFieldsFragment;

type Answer = { networkError?: true; code?: string; data?: unknown };

/** A client whose advanceStage answers are scripted; records every input it was sent. */
function scriptedClient(answers: Answer[]) {
  const sent: Record<string, unknown>[] = [];
  const client = {
    urql: {
      mutation: (_doc: unknown, variables: { input: Record<string, unknown> }) => ({
        toPromise: () => {
          sent.push(variables.input);
          const answer = answers.shift() ?? {};
          const error = answer.networkError
            ? new CombinedError({ networkError: new Error('socket hang up') })
            : answer.code
              ? new CombinedError({
                  graphQLErrors: [
                    { message: answer.code, extensions: { code: answer.code, messageZh: '冲突' } },
                  ],
                })
              : undefined;
          return Promise.resolve({ data: answer.data, error });
        },
      }),
    },
  } as unknown as HanjiangClient;
  return { client, sent };
}

async function submitAmount(amount: string) {
  fireEvent.change(screen.getByLabelText('评估金额'), { target: { value: amount } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button'));
    await Promise.resolve();
  });
}

describe('AdvanceForm', () => {
  it('shows only the next stage’s fields and retries a lost answer with the same idempotency key', async () => {
    const updated = { ...household, stage: 'ASSESSED', version: 4 };
    const { client, sent } = scriptedClient([{ networkError: true }, { data: { advanceStage: updated } }]);
    const done: unknown[] = [];
    renderInPortal(
      <AdvanceForm
        client={client}
        household={household}
        onDone={(h) => done.push(h)}
        onConflict={() => undefined}
      />,
    );
    expect(screen.getByText('记录下一环节:评估')).toBeTruthy();
    expect(screen.queryByLabelText('协议金额')).toBeNull(); // a field of another stage

    await submitAmount('1234567.89');
    await waitFor(() => expect(screen.getByRole('button').textContent?.replace(/\s/g, '')).toBe('重试')); // antd spaces two-character labels
    await submitAmount('1234567.89');
    await waitFor(() => expect(done).toHaveLength(1));

    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({
      householdId: 'h1',
      toStage: 'ASSESSED',
      expectedVersion: 3,
      assessedAmountYuan: '1234567.89',
    });
    expect(sent[1]!.idempotencyKey).toBe(sent[0]!.idempotencyKey);
  });

  it('starts a new key once the gateway answered, and reports a CONFLICT for a reload', async () => {
    const { client, sent } = scriptedClient([{ code: 'CONFLICT' }, { code: 'CONFLICT' }]);
    let conflicts = 0;
    renderInPortal(
      <AdvanceForm
        client={client}
        household={household}
        onDone={() => undefined}
        onConflict={() => (conflicts += 1)}
      />,
    );
    await submitAmount('100.00');
    await waitFor(() => expect(conflicts).toBe(1));
    expect(screen.getByRole('alert').textContent).toContain('已被他人修改');
    await submitAmount('100.00');
    await waitFor(() => expect(conflicts).toBe(2));
    expect(sent[1]!.idempotencyKey).not.toBe(sent[0]!.idempotencyKey);
  });

  it('refuses an amount that is not exact yuan before sending anything', async () => {
    const { client, sent } = scriptedClient([]);
    renderInPortal(
      <AdvanceForm
        client={client}
        household={household}
        onDone={() => undefined}
        onConflict={() => undefined}
      />,
    );
    await submitAmount('12.345');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('最多两位小数'));
    expect(sent).toHaveLength(0);
  });
});

describe('AdvanceForm in English', () => {
  it('takes the stage and field names from packages/domain, and the problems in English', async () => {
    const { client, sent } = scriptedClient([]);
    renderInPortal(
      <AdvanceForm
        client={client}
        household={household}
        onDone={() => undefined}
        onConflict={() => undefined}
      />,
      'en',
    );
    expect(screen.getByText('Record the next stage: Assessed')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('assessed amount'), { target: { value: '12.345' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
      await Promise.resolve();
    });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The assessed amount must be an amount in yuan with at most two decimals',
      ),
    );
    expect(sent).toHaveLength(0);
  });
});
