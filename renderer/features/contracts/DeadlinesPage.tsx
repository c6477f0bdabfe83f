import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DeadlineRow } from '../../../shared/ops/contracts';
import { subscribe } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { useContractLabel } from './label';
import { ContractTabs } from './Tabs';
import { useContracts } from './store';
import '../../styles/contracts.css';

const COLUMNS = ['customer', 'contractNo', 'service', 'deadline', 'date', 'daysLeft'] as const;
type Column = (typeof COLUMNS)[number];

/** Every customer's upcoming deadlines in one table, sortable by any column, exportable as CSV. */
export function DeadlinesPage() {
  const { t } = useTranslation(['contracts', 'catalog']);
  const { name, date, number, language } = useFormat();
  const label = useContractLabel();
  const customerId = useSession((s) => s.customerId);
  const { deadlines, loading, error, loadDeadlines, exportDeadlines, exporting, exported } =
    useContracts();
  // The sort is part of the view: it lives in the address (#/contracts/deadlines?sort=…&dir=…).
  const [params, setParams] = useSearchParams();
  const sort: Column = COLUMNS.includes(params.get('sort') as Column)
    ? (params.get('sort') as Column)
    : 'date';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';

  useEffect(() => {
    void loadDeadlines(customerId);
  }, [customerId, loadDeadlines]);
  useEffect(
    () =>
      subscribe('data.changed', ({ topics }) => {
        if (topics.includes('contracts')) void loadDeadlines(useSession.getState().customerId);
      }),
    [loadDeadlines],
  );

  const key = (r: DeadlineRow): string | number => {
    switch (sort) {
      case 'customer':
        return name(r);
      case 'contractNo':
        return r.contractNo;
      case 'service':
        return `${label.service(r)} ${label.part(r)}`;
      case 'deadline':
        return t(`kind.${r.kind}`);
      case 'date':
      case 'daysLeft':
        return r.daysLeft;
    }
  };
  const rows = [...(deadlines?.rows ?? [])].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), language) || a.daysLeft - b.daysLeft;
    return dir === 'asc' ? c : -c;
  });
  const sortBy = (c: Column) =>
    setParams({ sort: c, dir: sort === c && dir === 'asc' ? 'desc' : 'asc' }, { replace: true });

  return (
    <section className="page contracts" aria-busy={loading}>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="page-tools">
          {deadlines && (
            <span className="muted" data-testid="today" data-value={deadlines.today}>
              {t('asOf', { date: date(deadlines.today) })}
            </span>
          )}
          <button
            type="button"
            className="button"
            disabled={exporting || !deadlines}
            onClick={() => void exportDeadlines(customerId, language)}
          >
            {exporting ? t('deadlines.exporting') : t('deadlines.export')}
          </button>
        </div>
      </div>
      <ContractTabs />
      <p role="status" className="muted small" data-testid="export-status">
        {exported ? t('deadlines.exported') : t('deadlines.intro')}
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void loadDeadlines(customerId)} />}
      {!deadlines ? (
        !error && <Loading />
      ) : rows.length === 0 ? (
        <p className="card muted">{t('deadlines.empty')}</p>
      ) : (
        <div className="card">
          <table className="table deadlines-table" data-testid="deadlines">
            <caption className="sr-only">{t('deadlines.title')}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c}
                    scope="col"
                    aria-sort={sort === c ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                    className={c === 'daysLeft' ? 'num' : undefined}
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => sortBy(c)}
                      data-testid={`sort-${c}`}
                    >
                      {t(`column.${c}`)}
                      <span aria-hidden="true" className="sort-mark">
                        {sort === c ? (dir === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                ))}
                <th scope="col">{t('column.actionNeeded')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={`${r.contractId}-${r.kind}`}
                  data-testid={`deadline-${r.contractId}-${r.kind}`}
                  className={r.actionNeeded ? 'row-action' : ''}
                >
                  <td>{name(r)}</td>
                  <td className="mono">{r.contractNo}</td>
                  <td>
                    {label.service(r)}
                    {label.part(r) && <div className="muted small">{label.part(r)}</div>}
                  </td>
                  <td>{t(`kind.${r.kind}`)}</td>
                  <td data-value={r.date}>{date(r.date)}</td>
                  <td className="num">{number(r.daysLeft)}</td>
                  <td>
                    {r.actionNeeded && (
                      <span className="chip chip-action">{t('badge.actionNeeded')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
