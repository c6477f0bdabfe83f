import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The two views of the reports screen, as links (each is its own address). */
export function ReportTabs() {
  const { t } = useTranslation('reports');
  return (
    <nav className="rpt-tabs" aria-label={t('tabs.label')}>
      <NavLink to="/reports" end>
        {t('tabs.made')}
      </NavLink>
      <NavLink to="/reports/imported">{t('tabs.imported')}</NavLink>
    </nav>
  );
}
