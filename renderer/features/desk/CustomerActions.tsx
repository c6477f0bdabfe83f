import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { InquiryDetail } from '../../../shared/ops/desk';
import type { ApiError } from '../../../shared/result';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../api';
import { saveFile } from '../../files';
import { useFormat } from '../../format';
import { useDesk } from './store';

/**
 * The customer's side: whom to call and when (the partner's first-line desk, weekdays 9:00–17:00,
 * 002 別紙3 2(1)(2)), and sending the prepared sheet — saved as PDF and JSON, or e-mailed to the
 * partner's desk address — so the partner continues where the customer stopped.
 */
export function CustomerActions({ detail }: { detail: InquiryDetail }) {
  const { t, i18n } = useTranslation('desk');
  const { name, dateTime } = useFormat();
  const navigate = useNavigate();
  const flush = useDesk((s) => s.flush);
  const refresh = useDesk((s) => s.refresh);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const id = useId();
  const i = detail.inquiry;
  const p = detail.customer.partner;
  const language = i18n.language === 'en' ? 'en' : 'ja';

  const run = async (what: string, fn: () => Promise<ApiError | null>) => {
    setBusy(what);
    setError(null);
    setNotice(null);
    await flush();
    const e = await fn();
    setBusy(null);
    if (e) setError(e);
    await refresh();
  };
  const exportPart = (part: 'pdf' | 'json') =>
    run(part, async () => {
      const ref = await call('desk.exportSheet', { inquiryId: i.id, part, language });
      if (!ref.ok) return ref.error;
      const r = await saveFile(ref.value);
      return r.ok ? null : r.error;
    });
  const mail = () =>
    run('mail', async () => {
      const r = await call('desk.mailSheet', { inquiryId: i.id, language });
      if (!r.ok) return r.error;
      setNotice(t('customer.mailed', { to: r.value.to }));
      return null;
    });
  const discard = async () => {
    if (!window.confirm(t('customer.discardConfirm'))) return;
    const r = await call('desk.discard', { inquiryId: i.id });
    if (!r.ok) return setError(r.error);
    void navigate('/desk');
  };

  return (
    <section
      className="card desk-customer"
      aria-labelledby={`${id}-h`}
      data-testid="customer-actions"
    >
      <h2 id={`${id}-h`}>{t('customer.title')}</h2>
      <p>{t('customer.lead', { partner: name(p) })}</p>
      <dl className="facts">
        <dt>{t('customer.deskPhone')}</dt>
        <dd className="mono">{p.deskPhone}</dd>
        <dt>{t('customer.deskEmail')}</dt>
        <dd className="mono">{p.deskEmail}</dd>
        <dt>{t('customer.hours')}</dt>
        <dd>{t('queue.hours')}</dd>
      </dl>
      {i.sentAt !== null && i.sentVia && (
        <p className="notice notice-ok" data-testid="sent-state">
          {t('customer.sent', {
            time: dateTime(i.sentAt),
            via: t(`customer.sentVia.${i.sentVia}`),
          })}
        </p>
      )}
      <div className="desk-actions">
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void exportPart('pdf')}
        >
          {t('customer.savePdf')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          data-testid="export-json"
          onClick={() => void exportPart('json')}
        >
          {t('customer.saveJson')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy !== null}
          onClick={() => void mail()}
        >
          {busy === 'mail' ? t('customer.mailing') : t('customer.mail', { email: p.deskEmail })}
        </button>
        <button type="button" className="button button-quiet" onClick={() => void discard()}>
          {t('customer.discard')}
        </button>
      </div>
      {notice && <p className="notice notice-ok">{notice}</p>}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
