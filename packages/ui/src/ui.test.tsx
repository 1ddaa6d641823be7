import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBanner } from './ErrorBanner.js';
import { createPortalI18n } from './i18n.js';
import { LanguageToggle } from './LanguageToggle.js';
import { MaskedField } from './MaskedField.js';
import { StageTag } from './StageTag.js';
import { membershipLabel } from './TenantSwitcher.js';

const APP_TEXT = { zh: { title: '乡镇征迁工作台' }, en: { title: 'Township portal' } };

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

function withI18n(node: ReactNode, lang?: 'en') {
  const i18n = createPortalI18n(APP_TEXT, memoryStorage(lang ? { 'hanjiang.lang': lang } : {}));
  return render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
}

afterEach(cleanup);

describe('language', () => {
  it('starts in Chinese, or in the language the user chose before', () => {
    expect(createPortalI18n(APP_TEXT, memoryStorage()).t('title')).toBe('乡镇征迁工作台');
    expect(createPortalI18n(APP_TEXT, memoryStorage({ 'hanjiang.lang': 'en' })).t('title')).toBe(
      'Township portal',
    );
    expect(createPortalI18n(APP_TEXT, memoryStorage({ 'hanjiang.lang': 'fr' })).t('signOut')).toBe('退出');
  });

  it('the toggle switches every text and the error banner to English and back', () => {
    const error = { code: 'CONFLICT', zh: '该户已被他人修改', en: 'Changed by someone else' };
    withI18n(
      <>
        <LanguageToggle />
        <ErrorBanner error={error} />
        <StageTag stage="SIGNED" />
      </>,
    );
    expect(screen.getByRole('alert').textContent).toContain('该户已被他人修改');
    expect(screen.getByRole('alert').textContent).toContain('错误代码:CONFLICT');
    expect(screen.getByText('签约')).toBeTruthy();
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'English' })));
    expect(screen.getByRole('alert').textContent).toContain('Changed by someone else');
    expect(screen.getByRole('alert').textContent).toContain('Error code: CONFLICT');
    expect(screen.getByText('Signed')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    act(() => void fireEvent.click(screen.getByRole('button', { name: '中文' })));
    expect(screen.getByText('签约')).toBeTruthy();
  });
});

describe('masked field', () => {
  it('shows the value exactly as the gateway sent it, and says so only when it came masked', () => {
    withI18n(<MaskedField value="350***********1234" masked testId="id" />);
    expect(screen.getByTestId('id').textContent).toBe('350***********1234');
    expect(screen.getByText('已脱敏')).toBeTruthy();
    cleanup();
    withI18n(<MaskedField value="350321199001011234" masked={false} testId="id" />);
    expect(screen.getByTestId('id').textContent).toBe('350321199001011234');
    expect(screen.queryByText('已脱敏')).toBeNull();
    cleanup();
    withI18n(<MaskedField value={null} masked={false} testId="id" />);
    expect(screen.getByTestId('id').textContent).toBe('—');
  });
});

describe('membership labels', () => {
  it('name the tenant and the role in the reader’s language', () => {
    expect(membershipLabel({ tenantCode: 'jiangkou', role: 'cadre' }, 'zh')).toBe('江口镇 · 征迁干部');
    expect(membershipLabel({ tenantCode: 'jiangkou', role: 'cadre' }, 'en')).toBe('jiangkou · Cadre');
    expect(membershipLabel({ tenantCode: 'nowhere', role: 'mystery' }, 'zh')).toBe('nowhere · mystery');
  });
});
