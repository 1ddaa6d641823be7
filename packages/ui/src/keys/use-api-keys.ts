import {
  type ApiKeyFieldsFragment,
  ApiKeysDocument,
  ApiKeyUsageDocument,
  type ApiKeyUsageQuery,
  CreateApiKeyDocument,
  type HanjiangClient,
  publicMessage,
  type PublicMessage,
  RevokeApiKeyDocument,
} from '@hanjiang/client';
import { useCallback, useEffect, useState } from 'react';
import { createKeyInput, type KeyForm, usageRange } from './keys-logic.js';

type Usage = ApiKeyUsageQuery['apiKeyUsage'];

export interface ApiKeysState {
  keys: readonly ApiKeyFieldsFragment[] | null;
  usage: Readonly<Record<string, Usage>>;
  error: PublicMessage | null;
  busy: boolean;
  /** The secret of the key just created, until the person says they have saved it. */
  created: { name: string; secret: string } | null;
  create: (form: KeyForm) => Promise<boolean>;
  revoke: (key: ApiKeyFieldsFragment) => Promise<void>;
  dismissSecret: () => void;
  dismissError: () => void;
}

/** The keys page's data: the list, each key's last-7-days usage, and the two mutations (through packages/client). */
export function useApiKeys(client: HanjiangClient): ApiKeysState {
  const [keys, setKeys] = useState<readonly ApiKeyFieldsFragment[] | null>(null);
  const [usage, setUsage] = useState<Record<string, Usage>>({});
  const [error, setError] = useState<PublicMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void client.urql
      .query(ApiKeysDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then(async (result) => {
        if (!current) return;
        if (result.error) setError(publicMessage(result.error));
        const list = result.data?.apiKeys ?? [];
        setKeys(list);
        const range = usageRange(new Date());
        // One small query per key (the list is short); a failure leaves that key's usage unknown ("…").
        const answers = await Promise.all(
          list.map((k) =>
            client.urql
              .query(ApiKeyUsageDocument, { key: k.id, ...range }, { requestPolicy: 'network-only' })
              .toPromise(),
          ),
        );
        if (!current) return;
        const next: Record<string, Usage> = {};
        for (const answer of answers)
          if (answer.data) next[answer.data.apiKeyUsage.key] = answer.data.apiKeyUsage;
        setUsage(next);
      });
    return () => {
      current = false;
    };
  }, [client, version]);

  const create = useCallback(
    async (form: KeyForm) => {
      setBusy(true);
      setError(null);
      const result = await client.urql
        .mutation(CreateApiKeyDocument, { input: createKeyInput(form) })
        .toPromise();
      setBusy(false);
      const answer = result.data?.createApiKey;
      if (!answer) {
        setError(publicMessage(result.error));
        return false;
      }
      setCreated({ name: answer.apiKey.name, secret: answer.secret });
      setVersion((v) => v + 1);
      return true;
    },
    [client],
  );

  const revoke = useCallback(
    async (key: ApiKeyFieldsFragment) => {
      setError(null);
      const result = await client.urql.mutation(RevokeApiKeyDocument, { id: key.id }).toPromise();
      if (!result.data) {
        setError(publicMessage(result.error));
        return;
      }
      const revoked = result.data.revokeApiKey;
      setKeys((list) => list?.map((k) => (k.id === revoked.id ? revoked : k)) ?? null);
    },
    [client],
  );

  return {
    keys,
    usage,
    error,
    busy,
    created,
    create,
    revoke,
    dismissSecret: () => setCreated(null),
    dismissError: () => setError(null),
  };
}
