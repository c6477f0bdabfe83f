import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { receptionClock } from '../../../shared/hearing-sheet/reception';
import type { AlertBrief, CustomerMatch } from '../../../shared/ops/desk';
import type { ApiError } from '../../../shared/result';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { call } from '../../api';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { inputToMs, msToInput } from './text';
import '../../styles/desk.css';

/**
 * Starting an inquiry: which customer, which alerts it is about, and when and how it came in —
 * the reception clock (002 別紙3 2(1), 2(4)①) is shown before anything is recorded. Reached from
 * the queue, the alert detail ("prepare an inquiry", `?alert=<id>`) and a customer profile.
 */
export function NewInquiryPage() {
  const { t, i18n } = useTranslation('desk');
  const { name, dateTime, date } = useFormat();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const profile = useSession((s) => s.profile);
  const customers = useSession((s) => s.customers);
  const sessionCustomer = useSession((s) => s.customerId);
  const partner = profile?.kind === 'partner';
  const alertParam = Number(params.get('alert') ?? '');
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<{ customerId: string; alerts: AlertBrief[] } | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [channel, setChannel] = useState<'phone' | 'email'>('phone');
  const [received, setReceived] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { customer: useId(), received: useId(), alerts: useId() };

  // The customer: the alert's, else the one shown, else the first; the clock: the app's "now".
  useEffect(() => {
    void (async () => {
      const info = await call('app.info', {});
      if (info.ok) setReceived(msToInput(info.value.now));
      if (Number.isInteger(alertParam) && alertParam > 0) {
        const a = await call('desk.alert', { alertId: alertParam });
        if (!a.ok) return setError(a.error);
        setCustomerId(a.value.customerId);
        setChosen([a.value.id]);
        return;
      }
      const byParam = customers.find((c) => c.id === params.get('customer'));
      setCustomerId(byParam?.id ?? sessionCustomer ?? customers[0]?.id ?? null);
    })();
  }, [alertParam, customers, params, sessionCustomer]);

  useEffect(() => {
    if (!customerId) return;
    void call('desk.alerts', {
      customerId,
      days: 30,
      include: Number.isInteger(alertParam) && alertParam > 0 ? [alertParam] : [],
    }).then((r) => (r.ok ? setLoaded({ customerId, alerts: r.value }) : setError(r.error)));
  }, [customerId, alertParam]);

  const alerts = loaded?.customerId === customerId ? loaded.alerts : null;
  const clock = useMemo(() => {
    const ms = inputToMs(received);
    return Number.isNaN(ms) ? null : receptionClock(ms);
  }, [received]);

  const start = async () => {
    if (!customerId) return;
    setBusy(true);
    setError(null);
    const r = await call('desk.start', {
      customerId,
      alertIds: chosen,
      ...(partner ? { channel, receivedAt: inputToMs(received) } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    void navigate(`/desk/inquiries/${r.value.inquiryId}`);
  };

  const toggle = (id: number) =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const title = (a: AlertBrief) => (i18n.language === 'en' ? a.titleEn : a.titleJa);

  return (
    <section className="page desk">
      <div className="page-head">
        <h1>{partner ? t('new.title') : t('new.titleCustomer')}</h1>
      </div>
      {error && <ErrorNotice error={error} />}
      <form
        className="desk-new"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <div className="card desk-new-reception">
          <h2>{partner ? t('new.reception') : t('new.customer')}</h2>
          {partner && (
            <FindCustomer
              onPick={(id) => {
                setChosen([]);
                setCustomerId(id);
              }}
            />
          )}
          {partner ? (
            <div className="field">
              <label htmlFor={ids.customer}>{t('new.customer')}</label>
              <select
                id={ids.customer}
                data-testid="new-customer"
                value={customerId ?? ''}
                onChange={(e) => {
                  setChosen([]);
                  setCustomerId(e.target.value);
                }}
              >
                {customers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {name(c)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p>{customers[0] && name(customers[0])}</p>
          )}
          {partner && (
            <>
              <fieldset className="field">
                <legend>{t('new.channel')}</legend>
                {(['phone', 'email'] as const).map((c) => (
                  <label key={c} className="desk-choice">
                    <input
                      type="radio"
                      name="channel"
                      value={c}
                      checked={channel === c}
                      onChange={() => setChannel(c)}
                    />
                    {t(`channel.${c}`)}
                  </label>
                ))}
              </fieldset>
              <div className="field">
                <label htmlFor={ids.received}>{t('new.receivedAt')}</label>
                <input
                  id={ids.received}
                  type="datetime-local"
                  data-testid="new-received-at"
                  value={received}
                  onChange={(e) => setReceived(e.target.value)}
                />
              </div>
              {clock && (
                <dl className="facts" data-testid="new-clock" aria-live="polite">
                  <dt>{t('clock.receptionDay')}</dt>
                  <dd data-testid="new-reception-day">{date(clock.receptionDay)}</dd>
                  <dt>{t('clock.due')}</dt>
                  <dd data-testid="new-due">{dateTime(clock.dueAt)}</dd>
                  {clock.receivedOutside && (
                    <>
                      <dt>{t('clock.outside')}</dt>
                      <dd>
                        <span className="chip chip-outside">
                          {t(`outside.${clock.receivedOutside}`)}
                        </span>
                      </dd>
                    </>
                  )}
                </dl>
              )}
            </>
          )}
        </div>
        <fieldset className="card desk-new-alerts" aria-describedby={ids.alerts}>
          <legend>{t('new.alerts')}</legend>
          <p id={ids.alerts} className="muted small">
            {t('new.alertsHelp')}
          </p>
          {!alerts ? (
            <Loading />
          ) : alerts.length === 0 ? (
            <p className="muted">{t('new.noAlerts')}</p>
          ) : (
            <ul className="desk-alert-picks">
              {alerts.map((a) => (
                <li key={a.id}>
                  <label className="desk-choice">
                    <input
                      type="checkbox"
                      data-testid={`pick-alert-${a.id}`}
                      checked={chosen.includes(a.id)}
                      onChange={() => toggle(a.id)}
                    />
                    <span className={`desk-sev desk-sev-${a.severity}`}>
                      {t(`severity.${a.severity}`)}
                    </span>
                    <span className="mono small">{a.sourceId}</span>
                    <span>{title(a)}</span>
                    <span className="muted small">{dateTime(a.detectedAt)}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <div className="desk-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={!customerId || busy}
            data-testid="new-start"
          >
            {partner ? t('new.start') : t('new.startCustomer')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Who is calling: search by the number on the display, a name or an address. */
function FindCustomer({ onPick }: { onPick: (customerId: string) => void }) {
  const { t } = useTranslation('desk');
  const { name } = useFormat();
  const id = useId();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<CustomerMatch[] | null>(null);
  const search = async () => {
    if (!query.trim()) return setMatches(null);
    const r = await call('desk.findCustomers', { query });
    setMatches(r.ok ? r.value : []);
  };
  return (
    <div className="field desk-find">
      <label htmlFor={id}>{t('new.find')}</label>
      <div className="desk-inline-form">
        <input
          id={id}
          type="search"
          data-testid="find-customer"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void search();
            }
          }}
        />
        <button type="button" className="button" onClick={() => void search()}>
          {t('new.search')}
        </button>
      </div>
      {matches !== null && (
        <ul className="desk-matches" aria-live="polite" data-testid="find-results">
          {matches.length === 0 && <li className="muted">{t('new.noMatch')}</li>}
          {matches.map((m) => (
            <li key={m.id}>
              <button type="button" className="button-link" onClick={() => onPick(m.id)}>
                {name(m)}
              </button>{' '}
              <span className="muted small">{t(`new.matched.${m.matched}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
