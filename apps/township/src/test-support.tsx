// For component tests: the township's texts in a chosen language, as PortalApp provides them in the app; and the
// media queries antd reads, which jsdom lacks.
import { createPortalI18n, type Lang } from '@hanjiang/ui';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { TOWNSHIP_TEXT } from './text.js';

export function renderInPortal(node: ReactNode, lang: Lang = 'zh'): RenderResult {
  const storage = { getItem: (key: string) => (key === 'hanjiang.lang' ? lang : null) };
  return render(<I18nextProvider i18n={createPortalI18n(TOWNSHIP_TEXT, storage)}>{node}</I18nextProvider>);
}

export function stubMatchMedia(): void {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}
