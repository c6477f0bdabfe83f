import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquiryDetail } from '../../../shared/ops/desk';
import type { ApiError } from '../../../shared/result';
import { ErrorNotice } from '../../components/ErrorNotice';
import { isDesktop } from '../../api';
import { useFormat } from '../../format';
import { savePackage, type SavedPackage } from './package-save';
import { SecondLineForm } from './SecondLineForm';
import { useDesk } from './store';

/**
 * After the escalation (002 別紙3 1(2)③): the package (id, SHA-256 of its JSON, PDF), sending it
 * by e-mail or saving it to send another way — failures are shown and can be retried, the package
 * stays — and the second line's steps: acknowledged, answered, closed.
 */
export function EscalationPanel({ detail }: { detail: InquiryDetail }) {
  const { t } = useTranslation('desk');
  const { dateTime } = useFormat();
  const i = detail.inquiry;
  const e = i.escalation;
  const act = useDesk((s) => s.act);
  const busy = useDesk((s) => s.busy);
  const actionError = useDesk((s) => s.actionError);
  const refresh = useDesk((s) => s.refresh);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SavedPackage | null>(null);
  const [reference, setReference] = useState('');
  const id = useId();
  if (!e) return null;
  const sent = e.deliveries.some((d) => d.ok);

  const saveBoth = async () => {
    setSaving(true);
    setSaveError(null);
    setSaved(null);
    const r = await savePackage(e.packageId);
    if (!r.ok) setSaveError(r.error);
    else if (r.value.saved) setSaved(r.value);
    setSaving(false);
    await refresh();
  };

  return (
    <section className="card desk-escalation" aria-labelledby={`${id}-h`} data-testid="escalation">
      <h2 id={`${id}-h`}>
        <span className="desk-step">4</span> {t('escalation.tracking')}
      </h2>
      <dl className="facts">
        <dt>{t('escalation.packageId')}</dt>
        <dd className="mono" data-testid="package-id">
          {e.packageId}
        </dd>
        <dt>{t('escalation.sha256')}</dt>
        <dd className="mono desk-hash" data-testid="package-sha">
          {e.sha256}
        </dd>
        <dt>{t('escalation.builtAt')}</dt>
        <dd>
          {dateTime(e.builtAt)} · {t(`escalation.lang.${e.language}`)}
        </dd>
        <dt>{t('escalation.pdf')}</dt>
        <dd data-testid="package-pdf" data-ready={e.hasPdf ? '1' : '0'}>
          {e.hasPdf ? (
            t('escalation.pdfReady')
          ) : (
            <>
              {t('escalation.pdfMissing')}{' '}
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() => void act('print', 'desk.printPackage', { packageId: e.packageId })}
              >
                {t('escalation.printAgain')}
              </button>
            </>
          )}
        </dd>
      </dl>
      {actionError?.action === 'print' && <ErrorNotice error={actionError.error} />}
      {i.status === 'escalated' && (
        <div className="desk-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy !== null}
            data-testid="send-package"
            onClick={() => void act('send', 'desk.sendPackage', { packageId: e.packageId })}
          >
            {busy === 'send'
              ? t('escalation.sending')
              : sent
                ? t('escalation.sendAgain')
                : t('escalation.send')}
          </button>
          <button
            type="button"
            className="button"
            disabled={saving}
            data-testid="save-package"
            onClick={() => void saveBoth()}
          >
            {saving
              ? t('escalation.saving')
              : isDesktop()
                ? t('escalation.save')
                : t('escalation.download')}
          </button>
        </div>
      )}
      {saved && (
        <p className="muted small" role="status" data-testid="package-saved">
          {saved.folder === null
            ? t('escalation.downloaded', { names: saved.names.join(', ') })
            : t('escalation.savedTo', { folder: saved.folder, names: saved.names.join(', ') })}
        </p>
      )}
      {actionError?.action === 'send' && (
        <div data-testid="send-error">
          <ErrorNotice error={actionError.error} />
          <p className="muted small">{t('escalation.kept')}</p>
        </div>
      )}
      {saveError && (
        <div data-testid="save-error">
          <ErrorNotice error={saveError} />
          <p className="muted small">{t('escalation.keptSave')}</p>
        </div>
      )}
      {e.deliveries.length > 0 && (
        <ul className="desk-deliveries" data-testid="deliveries">
          {e.deliveries.map((d, n) => (
            <li key={n} data-ok={d.ok ? '1' : '0'}>
              <span className="mono muted">{dateTime(d.at)}</span>{' '}
              {t(`escalation.method.${d.method}`)}:{' '}
              {d.ok ? (
                t('escalation.delivered')
              ) : (
                <span className="field-error">
                  {t('escalation.failed')} {(t as unknown as (k: string) => string)(d.error ?? '')}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {i.status === 'escalated' && (
        <form
          className="desk-inline-form"
          onSubmit={(ev) => {
            ev.preventDefault();
            void act('ack', 'desk.acknowledge', { inquiryId: i.id, reference });
          }}
        >
          <label htmlFor={`${id}-ref`}>{t('escalation.reference')}</label>
          <input
            id={`${id}-ref`}
            value={reference}
            onChange={(ev) => setReference(ev.target.value)}
          />
          <button
            type="submit"
            className="button"
            disabled={busy !== null}
            data-testid="acknowledge"
          >
            {t('escalation.acknowledge')}
          </button>
        </form>
      )}
      {actionError?.action === 'ack' && <ErrorNotice error={actionError.error} />}
      {e.acknowledgedAt !== null && (
        <p data-testid="acknowledged">
          {t('escalation.acknowledgedAt', { time: dateTime(e.acknowledgedAt) })}
          {e.ackReference && <span className="mono"> {e.ackReference}</span>}
        </p>
      )}
      {i.status === 'acknowledged' && <SecondLineForm detail={detail} />}
      {e.secondLine && <SecondLineView detail={detail} />}
      {i.status === 'second-line-answered' && (
        <div className="desk-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy !== null}
            data-testid="close-inquiry"
            onClick={() => {
              if (window.confirm(t('escalation.closeConfirm')))
                void act('close', 'desk.close', { inquiryId: i.id });
            }}
          >
            {t('escalation.close')}
          </button>
        </div>
      )}
      {actionError?.action === 'close' && <ErrorNotice error={actionError.error} />}
    </section>
  );
}

function SecondLineView({ detail }: { detail: InquiryDetail }) {
  const { t } = useTranslation('desk');
  const { dateTime } = useFormat();
  const s = detail.inquiry.escalation?.secondLine;
  if (!s) return null;
  return (
    <div className="desk-second-line" data-testid="second-line-answer">
      <h3>{t('secondLine.recorded', { time: dateTime(s.at) })}</h3>
      <dl className="facts">
        <dt>{t('secondLine.incidentStatus')}</dt>
        <dd>{t(`secondLine.status.${s.incidentStatus as 'ongoing'}`)}</dd>
        <dt>{t('secondLine.resolution')}</dt>
        <dd className="desk-pre">{s.resolution}</dd>
        <dt>{t('secondLine.prevention')}</dt>
        <dd className="desk-pre">{s.prevention || '—'}</dd>
        <dt>{t('secondLine.vendor')}</dt>
        <dd>
          {s.vendorIntroduced
            ? s.vendorName
              ? t('secondLine.vendorYes', { name: s.vendorName })
              : t('secondLine.vendorIntroduced')
            : t('secondLine.vendorNo')}
        </dd>
        <dt>{t('secondLine.insurance')}</dt>
        <dd>{s.insuranceRelevant ? t('secondLine.insuranceNote') : t('secondLine.insuranceNo')}</dd>
        {s.note && (
          <>
            <dt>{t('secondLine.note')}</dt>
            <dd className="desk-pre">{s.note}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
