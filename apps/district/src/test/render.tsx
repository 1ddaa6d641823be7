import { render, type RenderResult } from '@testing-library/react';
import { createPortalI18n } from '@hanjiang/ui';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { DISTRICT_TEXT } from '../text.js';

/** Renders with the console's texts, in Chinese unless told otherwise (no stored choice). */
export function renderWithText(node: ReactNode, lang: 'zh' | 'en' = 'zh'): RenderResult {
  const storage = { getItem: (key: string) => (key === 'hanjiang.lang' ? lang : null) };
  const i18n = createPortalI18n(DISTRICT_TEXT, storage);
  return render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
}

/** antd reads media queries and observes sizes; jsdom has neither. */
export function stubMatchMedia(): void {
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
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
