import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerLedger, OutageRecord } from '../../../shared/ops/sla';
import { subscribe } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { ConfirmDelete, HistoryDialog } from './Dialogs';
import { LedgerTable } from './LedgerTable';
import { OutageForm } from './OutageForm';
import { OutageList } from './OutageList';
import { useSla } from './store';
import '../../styles/contracts.css';
import '../../styles/sla.css';

const MONTHS = [3, 6, 12] as const;

type Editing = { customer: CustomerLedger; outage: OutageRecord | null };

/** The SLA ledger of IIJ C-SOC and DDoS per customer, and the outages it is computed from. */
export function SlaPage() {
  const { t } = useTranslation('sla');
  const { name, dateTime } = useFormat();
  const customerId = useSession((s) => s.customerId);
  const { ledger, months, loading, error, message, setMonths, load, remove, loadHistory } =
    useSla();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<OutageRecord | null>(null);

  useEffect(() => {
    void load(customerId);
  }, [customerId, months, load]);
  useEffect(
    () =>
      subscribe('data.changed', ({ topics }) => {
        if (topics.some((x) => x === 'sla' || x === 'alerts' || x === 'contracts'))
          void load(useSession.getState().customerId);
      }),
    [load],
  );

  return (
    <section className="page sla" aria-busy={loading}>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <div className="page-tools">
          {ledger && (
            <span className="muted" data-testid="as-of" data-value={ledger.asOf}>
              {t('asOf', { time: dateTime(ledger.asOf) })}
            </span>
          )}
          <div className="segmented" role="group" aria-label={t('months.label')}>
            {MONTHS.map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={months === m}
                onClick={() => setMonths(m)}
              >
                {t('months.count', { count: m })}
              </button>
            ))}
          </div>
        </div>
      </div>
      <p className="muted">{t('intro')}</p>
      <p role="status" className="status-line" data-testid="sla-status">
        {message === 'saved' ? t('form.saved') : message === 'deleted' ? t('form.deleted') : ''}
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void load(customerId)} />}
      {!ledger ? (
        !error && <Loading />
      ) : ledger.customers.length === 0 ? (
        <p className="card muted">{t('empty')}</p>
      ) : (
        ledger.customers.map((c) => {
          const near = c.services.some((s) => s.months.some((m) => m.claimNear));
          return (
            <section
              key={c.customerId}
              className="card sla-customer"
              aria-labelledby={`sla-${c.customerId}`}
              data-testid={`sla-${c.customerId}`}
            >
              <h2 id={`sla-${c.customerId}`}>
                {name(c)}
                {near && (
                  <span className="chip chip-near" data-testid={`claim-near-${c.customerId}`}>
                    {t('badge.claimNear')}
                  </span>
                )}
              </h2>
              {c.services.map((s) => (
                <section
                  key={s.service}
                  className="sla-service"
                  aria-labelledby={`sla-${c.customerId}-${s.service}`}
                >
                  <h3 id={`sla-${c.customerId}-${s.service}`}>{t(`service.${s.service}`)}</h3>
                  <p
                    className={`coverage coverage-${s.coverage} small`}
                    data-testid={`coverage-${c.customerId}-${s.service}`}
                  >
                    {t(`coverage.${s.coverage}`)}
                  </p>
                  <LedgerTable ledger={s} customer={c} />
                </section>
              ))}
              <section className="sla-service" aria-labelledby={`outages-${c.customerId}-title`}>
                <div className="section-head">
                  <h3 id={`outages-${c.customerId}-title`}>{t('outages.title')}</h3>
                  <button
                    type="button"
                    className="button"
                    onClick={() => setEditing({ customer: c, outage: null })}
                    data-testid={`add-outage-${c.customerId}`}
                  >
                    {t('outages.add')}
                  </button>
                </div>
                <p className="muted small">{t('outages.intro')}</p>
                <OutageList
                  customer={c}
                  onEdit={(o) => setEditing({ customer: c, outage: o })}
                  onDelete={setDeleting}
                  onHistory={(o) => void loadHistory(o.id)}
                />
              </section>
            </section>
          );
        })
      )}
      {editing && (
        <OutageForm
          customer={editing.customer}
          outage={editing.outage}
          onDone={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDelete
          text={t('confirm.body', {
            start: dateTime(deleting.startedAt),
            service: t(`service.${deleting.service}`),
          })}
          onConfirm={() => void remove(deleting.id)}
          onClose={() => setDeleting(null)}
        />
      )}
      <HistoryDialog />
    </section>
  );
}
