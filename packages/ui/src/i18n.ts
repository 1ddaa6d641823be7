import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'hanjiang.lang';

/** Texts every portal shows; each app adds its own under its own keys. Chinese is the reference language. */
export const COMMON_TEXT = {
  zh: {
    signIn: '登录',
    signOut: '退出',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    switchTenant: '切换身份',
    language: 'English',
    languageLabel: '切换为英文',
    masked: '已脱敏',
    maskedHint: '按您的权限,个人信息已脱敏显示',
    loading: '加载中…',
    errorCode: '错误代码:{{code}}',
    notForYou: '当前身份不能使用本平台,请切换身份或退出后以其他账号登录',
  },
  en: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    switchTenant: 'Switch role',
    language: '中文',
    languageLabel: 'Switch to Chinese',
    masked: 'Masked',
    maskedHint: 'Personal data is masked for your role',
    loading: 'Loading…',
    errorCode: 'Error code: {{code}}',
    notForYou:
      'This portal is not for your current role: switch role, or sign out and sign in with another account',
  },
} as const;

export type AppText = Record<Lang, Record<string, string>>;

function storedLang(storage: Pick<Storage, 'getItem'> | undefined): Lang {
  try {
    return storage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** One i18next instance per app: the common texts plus the app's own, Chinese unless the user chose English. */
export function createPortalI18n(appText: AppText, storage?: Pick<Storage, 'getItem'>): I18n {
  const resources: Resource = {
    zh: { translation: { ...COMMON_TEXT.zh, ...appText.zh } },
    en: { translation: { ...COMMON_TEXT.en, ...appText.en } },
  };
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: storedLang(storage ?? globalThis.localStorage),
    fallbackLng: 'zh',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return instance;
}

export function rememberLang(lang: Lang, storage?: Pick<Storage, 'setItem'>): void {
  try {
    (storage ?? globalThis.localStorage).setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** The current language and the translate function, re-rendering on a switch. */
export function useLang(): { lang: Lang; t: (key: string, values?: Record<string, unknown>) => string } {
  const { t, i18n } = useTranslation();
  return { lang: i18n.language === 'en' ? 'en' : 'zh', t: (key, values) => t(key, values ?? {}) };
}
