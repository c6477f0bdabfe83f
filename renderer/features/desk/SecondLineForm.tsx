import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECOND_LINE_STATUSES, type InquiryDetail } from '../../../shared/ops/desk';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDesk } from './store';

/**
 * The second line's report (002 別紙3 1(3)④–⑥): incident status, the outline of resolution and
 * prevention, whether a specialist vendor was introduced (recovery work itself is outside the
 * service), and whether the cyber-risk insurance may apply — the customer then claims from the
 * insurer itself.
 */
export function SecondLineForm({ detail }: { detail: InquiryDetail }) {
  const { t } = useTranslation('desk');
  const act = useDesk((s) => s.act);
  const busy = useDesk((s) => s.busy);
  const actionError = useDesk((s) => s.actionError);
  const id = useId();
  const [f, setF] = useState({
    incidentStatus: 'under-investigation' as (typeof SECOND_LINE_STATUSES)[number],
    resolution: '',
    prevention: '',
    vendorIntroduced: false,
    vendorName: '',
    insuranceRelevant: false,
    note: '',
  });
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => setF((x) => ({ ...x, [k]: v }));
  return (
    <form
      className="desk-second-line-form"
      aria-labelledby={`${id}-h`}
      data-testid="second-line-form"
      onSubmit={(e) => {
        e.preventDefault();
        void act('secondLine', 'desk.recordSecondLine', { inquiryId: detail.inquiry.id, ...f });
      }}
    >
      <h3 id={`${id}-h`}>{t('secondLine.title')}</h3>
      <div className="field">
        <label htmlFor={`${id}-st`}>{t('secondLine.incidentStatus')}</label>
        <select
          id={`${id}-st`}
          data-testid="sl-status"
          value={f.incidentStatus}
          onChange={(e) => set('incidentStatus', e.target.value as typeof f.incidentStatus)}
        >
          {SECOND_LINE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`secondLine.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-res`}>{t('secondLine.resolution')}</label>
        <textarea
          id={`${id}-res`}
          rows={3}
          required
          data-testid="sl-resolution"
          value={f.resolution}
          onChange={(e) => set('resolution', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-prev`}>{t('secondLine.prevention')}</label>
        <textarea
          id={`${id}-prev`}
          rows={3}
          data-testid="sl-prevention"
          value={f.prevention}
          onChange={(e) => set('prevention', e.target.value)}
        />
      </div>
      <label className="desk-choice">
        <input
          type="checkbox"
          data-testid="sl-vendor"
          checked={f.vendorIntroduced}
          onChange={(e) => set('vendorIntroduced', e.target.checked)}
        />
        {t('secondLine.vendorIntroduced')}
      </label>
      {f.vendorIntroduced && (
        <div className="field">
          <label htmlFor={`${id}-vn`}>{t('secondLine.vendorName')}</label>
          <input
            id={`${id}-vn`}
            value={f.vendorName}
            onChange={(e) => set('vendorName', e.target.value)}
          />
          <p className="muted small">{t('secondLine.vendorHelp')}</p>
        </div>
      )}
      <label className="desk-choice">
        <input
          type="checkbox"
          data-testid="sl-insurance"
          checked={f.insuranceRelevant}
          onChange={(e) => set('insuranceRelevant', e.target.checked)}
        />
        {t('secondLine.insuranceRelevant')}
      </label>
      <p className="muted small">{t('secondLine.insuranceNote')}</p>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('secondLine.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={f.note}
          onChange={(e) => set('note', e.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button button-primary"
        disabled={busy !== null}
        data-testid="sl-record"
      >
        {t('secondLine.record')}
      </button>
      {actionError?.action === 'secondLine' && <ErrorNotice error={actionError.error} />}
    </form>
  );
}
