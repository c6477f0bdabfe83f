import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NAV_ITEMS } from '../routes';
import { useFormat } from '../format';
import { useSession } from '../stores/session';
import { CustomerSwitcher } from './CustomerSwitcher';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncIndicator } from '../features/sync/SyncIndicator';

/** The frame around every screen: header with the session controls, side navigation, content. */
export function AppShell() {
  const { t } = useTranslation();
  const { name } = useFormat();
  const profile = useSession((s) => s.profile);
  const info = useSession((s) => s.info);
  const clearProfile = useSession((s) => s.clearProfile);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <img className="brand-mark" src="./favicon.svg" alt="" />
          <span className="brand-name">{t('appName')}</span>
          {info && <span className="brand-host">{t(`host.${info.host}`)}</span>}
        </div>
        <div className="topbar-controls">
          <SyncIndicator />
          <CustomerSwitcher />
          <LanguageSwitch />
          {profile && (
            <div className="profile-chip" data-testid="profile-name">
              <span className="profile-label">{t('header.profile')}</span>
              <span>{name(profile)}</span>
            </div>
          )}
          <button type="button" className="button button-quiet" onClick={() => void clearProfile()}>
            {t('header.switchProfile')}
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label={t('nav.label')}>
        <ul>
          {NAV_ITEMS.map((item) => (
            <li key={item.path}>
              <NavLink to={item.path} end={item.path === '/'}>
                <span className="nav-icon" aria-hidden="true">
                  {item.icon}
                </span>
                {t(((profile && item.labelKeys?.[profile.kind]) ?? item.labelKey) as never)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
