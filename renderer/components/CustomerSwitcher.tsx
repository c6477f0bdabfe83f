import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { useSession } from '../stores/session';

/** A partner's choice of customer to show (or all of them). Hidden for a customer profile. */
export function CustomerSwitcher() {
  const { t } = useTranslation();
  const { name } = useFormat();
  const id = useId();
  const profile = useSession((s) => s.profile);
  const customers = useSession((s) => s.customers);
  const customerId = useSession((s) => s.customerId);
  const selectCustomer = useSession((s) => s.selectCustomer);
  if (profile?.kind !== 'partner') return null;
  return (
    <div className="field-inline">
      <label htmlFor={id}>{t('header.customer')}</label>
      <select
        id={id}
        data-testid="customer-switcher"
        value={customerId ?? ''}
        onChange={(e) => selectCustomer(e.target.value || null)}
      >
        <option value="">{t('header.allCustomers')}</option>
        {customers.map((c) => (
          <option key={c.id} value={c.id}>
            {name(c)}
          </option>
        ))}
      </select>
    </div>
  );
}
