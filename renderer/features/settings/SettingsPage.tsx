import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { SECTIONS } from './sections';

/** Settings: language, profile and about here; features add their own sections. */
export function SettingsPage() {
  const { t } = useTranslation(['settings', 'common']);
  const { name } = useFormat();
  const info = useSession((s) => s.info);
  const profile = useSession((s) => s.profile);
  const clearProfile = useSession((s) => s.clearProfile);
  return (
    <section className="page settings">
      <div className="page-head">
        <h1>{t('title')}</h1>
      </div>
      <section className="card settings-section" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('language.title')}</h2>
        <LanguageSwitch />
      </section>
      <section className="card settings-section" aria-labelledby="settings-profile">
        <h2 id="settings-profile">{t('profile.title')}</h2>
        {profile && <p>{name(profile)}</p>}
        <button type="button" className="button" onClick={() => void clearProfile()}>
          {t('common:header.switchProfile')}
        </button>
      </section>
      {SECTIONS.map((s) => (
        <section key={s.id} className="card settings-section" aria-labelledby={`settings-${s.id}`}>
          <h2 id={`settings-${s.id}`}>{t(s.titleKey as never)}</h2>
          {s.element}
        </section>
      ))}
      {info && (
        <section className="card settings-section" aria-labelledby="settings-about">
          <h2 id="settings-about">{t('about.title')}</h2>
          <dl className="facts">
            <dt>{t('about.host')}</dt>
            <dd>{t(`common:host.${info.host}`)}</dd>
            <dt>{t('about.dataDir')}</dt>
            <dd className="mono">{info.dataDir}</dd>
          </dl>
          <p className="muted">{t('about.version', { version: info.version })}</p>
        </section>
      )}
    </section>
  );
}
