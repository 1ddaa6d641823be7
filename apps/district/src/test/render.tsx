import type { RenderResult } from '@testing-library/react';
import { renderWithText as render, stubBrowserApis } from '@hanjiang/ui/testing';
import type { ReactNode } from 'react';
import { DISTRICT_TEXT } from '../text.js';

/** Renders with the console's texts, in Chinese unless told otherwise (no stored choice). */
export function renderWithText(node: ReactNode, lang: 'zh' | 'en' = 'zh'): RenderResult {
  return render(DISTRICT_TEXT, node, lang);
}

export const stubMatchMedia = stubBrowserApis;
