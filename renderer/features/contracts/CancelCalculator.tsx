import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractView } from '../../../shared/ops/contracts';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import { useContractLabel } from './label';
import { useContracts } from './store';

/**
 * "What if we cancel?": the notice day and the wished-for end go to `contracts.estimate`, which
 * answers with the rules' effective day and early-termination charge; shown as an estimate, with
 * the articles they come from. A modal dialog: Escape or Close returns to the table.
 */
export function CancelCalculator({
  view,
  today,
  onClose,
}: {
  view: ContractView;
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('contracts');
  const { date, number } = useFormat();
  const label = useContractLabel();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [notice, setNotice] = useState(today);
  const [requested, setRequested] = useState('');
  const { estimate, estimating, estimateError, runEstimate, clearEstimate } = useContracts();
  const k = view.contract;

  useEffect(() => {
    clearEstimate();
    ref.current?.showModal();
  }, [clearEstimate]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void runEstimate(k.id, notice, requested || null);
  };
  const result = estimate && estimate.noticeReceived === notice ? estimate : null;

  return (
    <dialog
      ref={ref}
      className="calc-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      data-testid="cancel-calculator"
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>{t('calc.title')}</h2>
        <p>
          <strong>{label.service(k)}</strong> {label.part(k)}{' '}
          <span className="mono muted">{k.contractNo}</span>
        </p>
        <div className="dlg-row">
          <label htmlFor={`${id}-notice`}>{t('calc.notice')}</label>
          <input
            id={`${id}-notice`}
            type="date"
            required
            value={notice}
            onChange={(e) => setNotice(e.target.value)}
          />
        </div>
        <div className="dlg-row">
          <label htmlFor={`${id}-requested`}>{t('calc.requested')}</label>
          <input
            id={`${id}-requested`}
            type="date"
            value={requested}
            onChange={(e) => setRequested(e.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={estimating}>
            {t('calc.submit')}
          </button>
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            {t('calc.close')}
          </button>
        </div>
        {estimateError && <ErrorNotice error={estimateError} />}
        {result && (
          <div className="calc-result" aria-live="polite" data-testid="calc-result">
            <dl className="facts">
              <dt>{t('calc.effective')}</dt>
              <dd data-testid="calc-effective" data-value={result.effective}>
                <strong>{date(result.effective)}</strong>
                <span className="cite">
                  {t('value.article', { article: result.articles.effective })}
                </span>
              </dd>
              <dt>{t('calc.charge')}</dt>
              <dd data-testid="calc-charge" data-value={result.charge ?? ''}>
                <strong>
                  {result.charge === null
                    ? t('calc.chargeUnknown')
                    : t('calc.yen', { amount: number(result.charge) })}
                </strong>
                <span className="cite">
                  {t('value.article', { article: result.articles.charge })}
                </span>
              </dd>
            </dl>
            {k.service === 'cwpp' && <p className="small">{t('calc.cwppNote')}</p>}
            {result.nonRenewal &&
              (result.nonRenewal.noticeDeadline >= result.noticeReceived ? (
                <p className="small">
                  {t('calc.nonRenewal', {
                    deadline: date(result.nonRenewal.noticeDeadline),
                    termEnd: date(result.nonRenewal.termEnd),
                  })}
                </p>
              ) : (
                <p className="small">
                  {t('calc.nonRenewalPassed', { deadline: date(result.nonRenewal.noticeDeadline) })}
                </p>
              ))}
            <p className="notice notice-estimate small">{t('calc.estimateNote')}</p>
          </div>
        )}
      </form>
    </dialog>
  );
}
