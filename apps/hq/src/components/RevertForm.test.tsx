import type { HqHouseholdFieldsFragment } from '@hanjiang/client';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedClient, setUpDom, type Answer } from '../scripted-client.test-helper.js';
import { RevertForm } from './RevertForm.js';

setUpDom();
afterEach(cleanup);

const household = { id: 'h1', code: 'SPY-CF-0003', stage: 'SIGNED', version: 7 } as HqHouseholdFieldsFragment;

function renderForm(answers: Answer[]) {
  const { client, sent } = scriptedClient({ RevertStage: () => answers.shift() ?? {} });
  const events: string[] = [];
  render(
    <RevertForm
      client={client}
      household={household}
      onDone={(h) => events.push(`done:${h.stage}`)}
      onConflict={() => events.push('conflict')}
      onCancel={() => events.push('cancel')}
    />,
  );
  return { sent, events };
}

async function submit(reason: string) {
  fireEvent.change(screen.getByLabelText('更正原因'), { target: { value: reason } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /提\s*交|重\s*试/ }));
    await Promise.resolve();
  });
}

describe('RevertForm', () => {
  it('names the stage it goes back to, and sends nothing without a reason', async () => {
    const { sent } = renderForm([]);
    expect(screen.getByRole('heading').textContent).toBe('更正 SPY-CF-0003:签约 → 评估');
    await submit('   ');
    await screen.findByText('请填写更正原因');
    expect(sent).toHaveLength(0);
  });

  it('sends the reason with the version seen, and retries a lost answer with the same key', async () => {
    const { sent, events } = renderForm([
      { networkError: true },
      { data: { revertStage: { ...household, stage: 'ASSESSED', version: 8 } } },
    ]);
    await submit('评估金额录错,退回重评');
    await waitFor(() => expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy());
    await submit('评估金额录错,退回重评');
    await waitFor(() => expect(events).toEqual(['done:ASSESSED']));
    const inputs = sent.map((s) => s.variables.input as Record<string, unknown>);
    expect(inputs[0]).toMatchObject({
      householdId: 'h1',
      expectedVersion: 7,
      reason: '评估金额录错,退回重评',
    });
    expect(inputs[1]!.idempotencyKey).toBe(inputs[0]!.idempotencyKey);
  });

  it('reports a CONFLICT for a reload and starts a new key for the next attempt', async () => {
    const { sent, events } = renderForm([{ code: 'CONFLICT' }, { code: 'CONFLICT' }]);
    await submit('面积复核');
    await waitFor(() => expect(events).toEqual(['conflict']));
    expect(screen.getByRole('alert').textContent).toBe('该户已被他人修改,列表已刷新,请核对后再更正');
    await submit('面积复核');
    await waitFor(() => expect(events).toEqual(['conflict', 'conflict']));
    const keys = sent.map((s) => (s.variables.input as { idempotencyKey: string }).idempotencyKey);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('offers nothing for a household at the first stage', () => {
    const { client } = scriptedClient({});
    const { container } = render(
      <RevertForm
        client={client}
        household={{ ...household, stage: 'SURVEYED' }}
        onDone={() => undefined}
        onConflict={() => undefined}
        onCancel={() => undefined}
      />,
    );
    expect(container.innerHTML).toBe('');
  });
});
