import type { HanjiangClient, Session } from '@hanjiang/client';
import type { TenantKind } from '@hanjiang/domain';
import type { ReactNode } from 'react';
import type { AppText } from './i18n.js';

export interface PortalContext {
  readonly session: Session;
  readonly client: HanjiangClient;
  readonly url: string;
  signOut(): void;
}

export interface PortalAppProps {
  /** Names the session's storage key: one session per portal. */
  app: string;
  /** The app's texts; `title` is the portal's name on the sign-in card and in the header. */
  text: AppText & { zh: { title: string }; en: { title: string } };
  /** Who this portal is for; anyone else is told so instead of seeing empty pages. */
  tenantKinds: readonly TenantKind[];
  children: (portal: PortalContext) => ReactNode;
  url?: string;
}
