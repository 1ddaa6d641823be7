// For component tests: the township's texts in a chosen language, as PortalApp provides them in the app; and the
// browser APIs antd reads, which jsdom lacks (both from @hanjiang/ui/testing).
import type { Lang } from '@hanjiang/ui';
import { renderWithText, stubBrowserApis } from '@hanjiang/ui/testing';
import type { RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { TOWNSHIP_TEXT } from './text.js';

export function renderInPortal(node: ReactNode, lang: Lang = 'zh'): RenderResult {
  return renderWithText(TOWNSHIP_TEXT, node, lang);
}

export const stubMatchMedia = stubBrowserApis;
