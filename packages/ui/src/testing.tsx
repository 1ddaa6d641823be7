// For the portals' component tests (imported as `@hanjiang/ui/testing`, never by app code): an app's texts in a
// chosen language, as PortalApp provides them, and the browser APIs antd reads that jsdom lacks.
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { type AppText, createPortalI18n, type Lang } from './i18n.js';

/** Renders `node` with the app's texts, in Chinese unless told otherwise (as if no choice were stored). */
export function renderWithText(text: AppText, node: ReactNode, lang: Lang = 'zh'): RenderResult {
  const storage = { getItem: (key: string) => (key === 'hanjiang.lang' ? lang : null) };
  return render(<I18nextProvider i18n={createPortalI18n(text, storage)}>{node}</I18nextProvider>);
}

/** antd reads media queries and observes sizes; jsdom has neither. */
export function stubBrowserApis(): void {
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
