import { useState, type FormEvent } from 'react';
import { isDisplayKey } from '../credential.js';
import { t, type Lang } from '../i18n.js';

/** Shown once, when the screen has no display key yet. */
export function SetupForm({ lang, onKey }: { lang: Lang; onKey: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isDisplayKey(key)) return setInvalid(true);
    onKey(key.trim());
  };
  return (
    <main className="setup">
      <form onSubmit={submit} aria-labelledby="setup-title">
        <h1 id="setup-title">{t(lang, 'setupTitle')}</h1>
        <p>{t(lang, 'setupHelp')}</p>
        <label htmlFor="display-key">{t(lang, 'setupKey')}</label>
        <input
          id="display-key"
          value={key}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'key-error' : undefined}
          onChange={(e) => {
            setKey(e.target.value);
            setInvalid(false);
          }}
        />
        {invalid && (
          <p id="key-error" role="alert">
            {t(lang, 'setupInvalid')}
          </p>
        )}
        <button type="submit">{t(lang, 'setupSave')}</button>
      </form>
    </main>
  );
}
