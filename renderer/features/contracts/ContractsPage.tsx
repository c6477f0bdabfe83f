import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractView, CustomerContracts } from '../../../shared/ops/contracts';
import { subscribe } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { CancelCalculator } from './CancelCalculator';
import { ContractTable } from './ContractTable';
import { ContractTabs } from './Tabs';
import { useContracts } from './store';
import '../../styles/contracts.css';

function Problems({ c }: { c: CustomerContracts }) {
  const { t } = useTranslation(['contracts', 'rules']);
  if (c.problems.length === 0) return null;
  return (
    <div className="notice notice-caution" role="note" data-testid={`problems-${c.customerId}`}>
      <strong>{t('problems.title')}</strong>
      <ul>
        {c.problems.map((p, i) => (
          <li key={i}>
            {t(p.messageKey)}{' '}
            <span className="cite-inline">{t('value.article', { article: p.article })}</span>
            {p.params.unit && (
              <span className="muted small"> {t('problems.unit', { unit: p.params.unit })}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One page per customer (all of a partner's customers, or the one chosen): every contract. */
export function ContractsPage() {
  const { t } = useTranslation('contracts');
  const { name, date } = useFormat();
  const customerId = useSession((s) => s.customerId);
  const { list, loading, error, loadList } = useContracts();
  const [calc, setCalc] = useState<ContractView | null>(null);

  useEffect(() => {
    void loadList(customerId);
  }, [customerId, loadList]);
  useEffect(
    () =>
      subscribe('data.changed', ({ topics }) => {
        if (topics.includes('contracts')) void loadList(useSession.getState().customerId);
      }),
    [loadList],
  );

  return (
    <section className="page contracts" aria-busy={loading}>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="page-tools">
          {list && (
            <span className="muted" data-testid="today" data-value={list.today}>
              {t('asOf', { date: date(list.today) })}
            </span>
          )}
        </div>
      </div>
      <ContractTabs />
      {error && <ErrorNotice error={error} onRetry={() => void loadList(customerId)} />}
      {!list
        ? !error && <Loading />
        : list.customers.map((c) => (
            <section
              key={c.customerId}
              className="card customer-contracts"
              aria-labelledby={`customer-${c.customerId}`}
              data-testid={`customer-${c.customerId}`}
            >
              <h2 id={`customer-${c.customerId}`}>
                {name(c)}{' '}
                <span className="muted small">{t('count', { count: c.contracts.length })}</span>
              </h2>
              <Problems c={c} />
              {c.contracts.length === 0 ? (
                <p className="muted">{t('empty')}</p>
              ) : (
                <ContractTable views={c.contracts} onCalculate={setCalc} />
              )}
            </section>
          ))}
      {calc && list && (
        <CancelCalculator view={calc} today={list.today} onClose={() => setCalc(null)} />
      )}
    </section>
  );
}
