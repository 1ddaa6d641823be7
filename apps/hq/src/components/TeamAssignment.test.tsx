import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedClient, setUpDom } from '../scripted-client.test-helper.js';
import { TeamAssignment } from './TeamAssignment.js';

setUpDom();
afterEach(cleanup);

const teams = [{ id: 't1', name: '江口镇食品园征迁组' }];
const villages = [
  { id: 'v1', name: '石西村' },
  { id: 'v2', name: '崇福村' },
];
const result = (villagesChanged: number, now: typeof villages) => ({
  householdsChanged: 12,
  villagesChanged,
  team: teams[0],
  villages: now,
});

function setUp() {
  let changed = 0;
  const scripted = scriptedClient({
    AssignTeam: () => ({ data: { assignTeam: result(2, villages) } }),
    UnassignTeam: () => ({ code: 'FORBIDDEN', messageZh: '只有本指挥部的指挥长可以调配工作组' }),
  });
  render(
    <TeamAssignment
      client={scripted.client}
      teams={teams}
      villages={villages}
      onChanged={() => (changed += 1)}
    />,
  );
  return { ...scripted, changed: () => changed };
}

async function click(name: RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
    await Promise.resolve();
  });
}

describe('TeamAssignment', () => {
  it('needs a team and at least one village before anything can be sent', () => {
    setUp();
    expect(screen.getByRole('button', { name: /分\s*配/ }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 't1' } });
    expect(screen.getByRole('button', { name: /分\s*配/ }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText('石西村'));
    expect(screen.getByRole('button', { name: /分\s*配/ }).hasAttribute('disabled')).toBe(false);
  });

  it('assigns the chosen villages and says what changed', async () => {
    const { sent, changed } = setUp();
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 't1' } });
    fireEvent.click(screen.getByLabelText('石西村'));
    fireEvent.click(screen.getByLabelText('崇福村'));
    await click(/分\s*配/);
    await screen.findByText('江口镇食品园征迁组:2 个村、12 户已变更。现负责:石西村、崇福村');
    expect(sent[0]).toEqual({
      operation: 'AssignTeam',
      variables: { input: { teamId: 't1', villageIds: ['v1', 'v2'] } },
    });
    expect(changed()).toBe(1);
  });

  it('shows a refusal in the gateway’s words', async () => {
    const { sent, changed } = setUp();
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 't1' } });
    fireEvent.click(screen.getByLabelText('崇福村'));
    await click(/撤\s*回/);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('只有本指挥部的指挥长可以调配工作组'),
    );
    expect(sent[0]!.operation).toBe('UnassignTeam');
    expect(changed()).toBe(0);
  });
});
