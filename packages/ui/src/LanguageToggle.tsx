import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { rememberLang, useLang } from './i18n.js';

/** 中文 ⇄ English; the choice is remembered for the next visit. */
export function LanguageToggle() {
  const { i18n } = useTranslation();
  const { lang, t } = useLang();
  const next = lang === 'zh' ? 'en' : 'zh';
  return (
    <Button
      size="small"
      // antd spaces out two Chinese characters ("中 文"); the label must read as the word it is.
      autoInsertSpace={false}
      title={t('languageLabel')}
      lang={next === 'en' ? 'en' : 'zh-CN'}
      onClick={() => {
        rememberLang(next);
        void i18n.changeLanguage(next);
        document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
      }}
    >
      {t('language')}
    </Button>
  );
}
