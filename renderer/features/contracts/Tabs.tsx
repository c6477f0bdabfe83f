import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The two views of the contracts screen, as links (each is its own address). */
export function ContractTabs() {
  const { t } = useTranslation('contracts');
  return (
    <nav className="tabs" aria-label={t('tabs.label')}>
      <NavLink to="/contracts" end>
        {t('tabs.byCustomer')}
      </NavLink>
      <NavLink to="/contracts/deadlines">{t('tabs.deadlines')}</NavLink>
    </nav>
  );
}
