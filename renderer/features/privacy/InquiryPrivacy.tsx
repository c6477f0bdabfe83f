import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquiryDetail } from '../../../shared/ops/desk';
import type { RedactionInfo } from '../../../shared/ops/privacy';
import type { ApiError } from '../../../shared/result';
import { call } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import '../../styles/privacy.css';

/**
 * On an inquiry's page: when its personal data was deleted and why, or — once it is closed — a
 * way to delete it on request, after a confirmation.
 */
export function InquiryPrivacy({ detail }: { detail: InquiryDetail }) {
  const { t } = useTranslation('privacy');
  const { dateTime } = useFormat();
  const id = useId();
  const i = detail.inquiry;
  const [info, setInfo] = useState<RedactionInfo | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call('privacy.inquiry', { inquiryId: i.id }).then((r) =>
      r.ok ? setInfo(r.value) : setError(r.error),
    );
  }, [i.id, i.updatedAt]);
  const closed =
    i.side === 'partner'
      ? ['answered', 'refused', 'closed'].includes(i.status)
      : i.status === 'sent';
  if (info === undefined && !error) return null;
  if (!info && !closed && !error) return null;
  return (
    <section className="card privacy-inquiry" aria-labelledby={id} data-testid="inquiry-privacy">
      <h2 id={id}>{t('inquiry.title')}</h2>
      {error && <ErrorNotice error={error} />}
      {info ? (
        <p className="notice" data-testid="inquiry-redacted">
          {t('inquiry.redacted', {
            at: dateTime(info.at),
            reason: t(`inquiry.reason.${info.reason}`),
          })}
        </p>
      ) : (
        <>
          <p className="muted">{t('inquiry.help')}</p>
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => setConfirming(true)}
            data-testid="inquiry-erase"
          >
            {t('inquiry.erase')}
          </button>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        danger
        title={t('inquiry.confirmTitle')}
        confirmLabel={t('inquiry.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          setBusy(true);
          void call('privacy.eraseInquiry', { inquiryId: i.id }).then((r) => {
            setBusy(false);
            if (r.ok) setInfo(r.value);
            else setError(r.error);
          });
        }}
      >
        <p>{t('inquiry.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
