import type { HanjiangClient } from '@hanjiang/client';
import { CombinedError } from '@urql/core';
import { createPortalI18n } from '@hanjiang/ui';
import { stubBrowserApis } from '@hanjiang/ui/testing';
import { beforeAll } from 'vitest';
import { HQ_TEXT } from './text.js';

type DocumentNode = { definitions: readonly { kind: string; name?: { value: string } }[] };

export type Answer = { data?: unknown; code?: string; messageZh?: string; networkError?: true };
export type Script = Record<string, (variables: Record<string, unknown>) => Answer>;

function operationName(document: DocumentNode): string {
  const op = document.definitions.find((d) => d.kind === 'OperationDefinition');
  return op?.name?.value ?? '?';
}

/** A client whose answers are scripted per operation name; records every operation it was sent, in order. */
export function scriptedClient(script: Script) {
  const sent: { operation: string; variables: Record<string, unknown> }[] = [];
  const run = (document: DocumentNode, variables: Record<string, unknown>) => ({
    toPromise: () => {
      const operation = operationName(document);
      sent.push({ operation, variables });
      const answer = script[operation]?.(variables) ?? {};
      const error = answer.networkError
        ? new CombinedError({ networkError: new Error('socket hang up') })
        : answer.code
          ? new CombinedError({
              graphQLErrors: [
                {
                  message: answer.code,
                  extensions: { code: answer.code, messageZh: answer.messageZh ?? answer.code },
                },
              ],
            })
          : undefined;
      return Promise.resolve({ data: answer.data, error });
    },
  });
  const client = { urql: { query: run, mutation: run } } as unknown as HanjiangClient;
  return { client, sent };
}

/** The portal's texts in Chinese (react-i18next's default instance), and what antd reads that jsdom lacks. */
export function setUpDom(): void {
  beforeAll(() => {
    createPortalI18n(HQ_TEXT, { getItem: () => null });
    stubBrowserApis();
  });
}
