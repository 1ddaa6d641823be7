import type { Principal } from '@hanjiang/authz';
import type { HanjiangClient } from '@hanjiang/client';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderWithText, stubBrowserApis } from '../testing.js';
import { ApiKeysPage } from './ApiKeysPage.js';
import { KEYS_TEXT } from './keys-text.js';

beforeAll(stubBrowserApis);
afterEach(cleanup);

const ADMIN: Principal = {
  kind: 'user',
  subject: 'district.admin',
  tenantKind: 'district',
  tenantCode: 'district',
  role: 'admin',
  teamId: null,
  membershipId: null,
};
const COMMANDER: Principal = {
  ...ADMIN,
  subject: 'c',
  tenantKind: 'headquarters',
  tenantCode: 'baitang-lake',
  role: 'commander',
};

const KEY = {
  id: 'k1',
  prefix: 'hj_ab12cd',
  name: '区大数据局 报表',
  tenantKind: 'township',
  tenantCode: 'baisha',
  role: 'viewer',
  scopes: ['READ'],
  createdBy: 'district.admin',
  createdAt: '2026-11-30T02:00:00.000Z',
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  ratePerMinute: 60,
  costPerMinute: null,
  allowListOnly: false,
};

type Answer = { data?: unknown; error?: unknown };
/** A client answering by operation name; it records every mutation's variables. */
function fakeClient(answers: Record<string, (vars: Record<string, unknown>) => Answer>) {
  const sent: [string, Record<string, unknown>][] = [];
  const run = (doc: { definitions: { name?: { value: string } }[] }, vars: Record<string, unknown>) => ({
    toPromise: () => {
      const name = doc.definitions.find((d) => d.name)!.name!.value;
      sent.push([name, vars]);
      return Promise.resolve(answers[name]!(vars));
    },
  });
  return { client: { urql: { query: run, mutation: run } } as unknown as HanjiangClient, sent };
}

const usage = (vars: Record<string, unknown>) => ({
  data: { apiKeyUsage: { key: vars.key, operations: 12, errors: 1, cost: 340.4 } },
});

describe('the API keys page', () => {
  it('lists each key with its tenant, scopes, dates and last week’s usage', async () => {
    const { client, sent } = fakeClient({
      ApiKeys: () => ({ data: { apiKeys: [KEY] } }),
      ApiKeyUsage: usage,
    });
    renderWithText(KEYS_TEXT, <ApiKeysPage client={client} principal={ADMIN} />);
    await waitFor(() =>
      expect(screen.getByTestId('key-usage').textContent).toBe('12 次请求 · 1 次出错 · 成本 340'),
    );
    const card = screen.getByTestId('key-card');
    for (const text of [
      '区大数据局 报表',
      '有效',
      '白沙镇 (baisha)',
      'READ',
      'district.admin',
      '长期有效',
      '从未使用',
      '未吊销',
      '每分钟 60 次 · 成本 默认',
    ]) {
      expect(card.textContent).toContain(text);
    }
    const [, vars] = sent.find(([name]) => name === 'ApiKeyUsage')!;
    expect(Date.parse(vars.to as string) - Date.parse(vars.from as string)).toBe(7 * 86_400_000);
  });

  it('offers a commander only their own tenant, already chosen', async () => {
    const { client } = fakeClient({ ApiKeys: () => ({ data: { apiKeys: [] } }), ApiKeyUsage: usage });
    renderWithText(KEYS_TEXT, <ApiKeysPage client={client} principal={COMMANDER} />);
    await waitFor(() => expect(screen.getByText('暂无接口密钥')).toBeTruthy());
    expect(screen.getByRole('form').textContent).toContain('白塘湖片区 (baitang-lake)');
  });

  it('creates a key and shows its secret once, with a warning, until dismissed', async () => {
    let listed: unknown[] = [];
    const { client, sent } = fakeClient({
      ApiKeys: () => ({ data: { apiKeys: listed } }),
      ApiKeyUsage: usage,
      CreateApiKey: () => {
        listed = [{ ...KEY, tenantCode: 'baitang-lake' }];
        return { data: { createApiKey: { secret: 'hj_ab12cd_SECRET', apiKey: listed[0] } } };
      },
    });
    renderWithText(KEYS_TEXT, <ApiKeysPage client={client} principal={COMMANDER} />);
    await waitFor(() => expect(screen.getByText('暂无接口密钥')).toBeTruthy());
    fireEvent.change(screen.getByLabelText('名称(谁用、做什么)'), { target: { value: '区大数据局 报表' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^写入/ }));
    fireEvent.click(screen.getByRole('button', { name: '创建密钥' }));
    const secret = await screen.findByTestId('key-secret');
    expect(secret.textContent).toContain('密钥只显示这一次');
    expect(within(secret).getByTestId('key-secret-value').textContent).toContain('hj_ab12cd_SECRET');
    expect(within(secret).getByText('复制密钥')).toBeTruthy();
    const [, vars] = sent.find(([name]) => name === 'CreateApiKey')!;
    expect(vars.input).toMatchObject({
      name: '区大数据局 报表',
      tenant: 'baitang-lake',
      scopes: ['READ', 'WRITE'],
    });
    await waitFor(() => expect(screen.getAllByTestId('key-card')).toHaveLength(1));
    expect(screen.getByLabelText<HTMLInputElement>('名称(谁用、做什么)').value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: '我已保存,关闭' }));
    expect(screen.queryByTestId('key-secret')).toBeNull();
    expect(document.body.textContent).not.toContain('hj_ab12cd_SECRET');
  });

  it('shows the gateway’s refusal in both languages, Chinese first', async () => {
    const refusal = {
      graphQLErrors: [
        {
          message: 'x',
          extensions: {
            code: 'BAD_USER_INPUT',
            messageZh: '到期时间必须晚于现在',
            messageEn: 'expiresAt must be in the future',
          },
        },
      ],
    };
    const { client } = fakeClient({
      ApiKeys: () => ({ data: { apiKeys: [] } }),
      ApiKeyUsage: usage,
      CreateApiKey: () => ({ error: refusal }),
    });
    renderWithText(KEYS_TEXT, <ApiKeysPage client={client} principal={COMMANDER} />, 'en');
    await waitFor(() => expect(screen.getByText('No API keys yet')).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Name (who uses it, for what)'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /到期时间必须晚于现在.*expiresAt must be in the future.*BAD_USER_INPUT/,
    );
  });

  it('revokes only after confirmation', async () => {
    const { client, sent } = fakeClient({
      ApiKeys: () => ({ data: { apiKeys: [KEY] } }),
      ApiKeyUsage: usage,
      RevokeApiKey: () => ({ data: { revokeApiKey: { ...KEY, revokedAt: '2026-12-01T01:00:00.000Z' } } }),
    });
    renderWithText(KEYS_TEXT, <ApiKeysPage client={client} principal={ADMIN} />);
    fireEvent.click(await screen.findByRole('button', { name: '吊 销' }));
    expect(sent.some(([name]) => name === 'RevokeApiKey')).toBe(false);
    expect(await screen.findByText(/使用它的系统将立即无法访问/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确定吊销' }));
    await waitFor(() => expect(screen.getByTestId('key-card').textContent).toContain('已吊销'));
    expect(sent.filter(([name]) => name === 'RevokeApiKey').map(([, v]) => v)).toEqual([{ id: 'k1' }]);
    expect(screen.queryByRole('button', { name: '吊 销' })).toBeNull();
  });
});
