import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/catalog';
import { useSession } from '../stores/session';

/** 日本語 / English, applied at once (no reload) and remembered in the store. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  const setLanguage = useSession((s) => s.setLanguage);
  return (
    <div className="segmented" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={language === lang}
          onClick={() => void setLanguage(lang)}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </div>
  );
}
