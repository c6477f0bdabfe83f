import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallerCheck as Check, CallerDecision } from '../../../shared/hearing-sheet';
import type { InquiryDetail } from '../../../shared/ops/desk';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import { useDesk } from './store';

const DECISIONS_ON_MISMATCH = ['callback-confirmed', 'served-with-reason', 'refused'] as const;

/**
 * Who is calling: checked against the parameter sheet's registered service contact (002 別紙3
 * 2(3); 第5条1). A mismatch shows the rule and asks the desk to decide; the decision is recorded.
 */
export function CallerCheck({ detail }: { detail: InquiryDetail }) {
  const { t } = useTranslation('desk');
  const { dateTime } = useFormat();
  const i = detail.inquiry;
  const act = useDesk((s) => s.act);
  const busy = useDesk((s) => s.busy);
  const actionError = useDesk((s) => s.actionError);
  const [form, setForm] = useState({ name: '', phone: '', email: '' });
  const [check, setCheck] = useState<Check | null>(null);
  const [decision, setDecision] = useState<CallerDecision | ''>('');
  const [note, setNote] = useState('');
  const id = useId();
  const recorded = i.caller?.decision ? i.caller : null;
  const contact = detail.customer.contact;

  const verify = async (withDecision?: CallerDecision) => {
    const r = await act('caller', 'desk.verifyCaller', {
      inquiryId: i.id,
      ...form,
      ...(withDecision ? { decision: withDecision, note } : {}),
    });
    if (r) setCheck(r.check);
  };

  const fieldRow = (key: 'name' | 'phone' | 'email', type: string, autoComplete: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`caller.field.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        autoComplete={autoComplete}
        data-testid={`caller-${key}`}
        value={form[key]}
        onChange={(e) => {
          setForm((f) => ({ ...f, [key]: e.target.value }));
          setCheck(null);
        }}
      />
    </div>
  );

  return (
    <section className="card desk-caller" aria-labelledby={`${id}-h`} data-testid="caller-check">
      <h2 id={`${id}-h`}>
        <span className="desk-step">1</span> {t('caller.title')}
      </h2>
      {recorded && (
        <div
          className={`notice ${recorded.decision === 'refused' ? 'notice-error' : 'notice-ok'}`}
          data-testid="caller-recorded"
          data-decision={recorded.decision}
        >
          <strong>{t(`caller.decision.${recorded.decision ?? 'served'}`)}</strong>{' '}
          <span>
            {t('caller.recordedAs', {
              name: recorded.name,
              time: recorded.verifiedAt ? dateTime(recorded.verifiedAt) : '',
            })}
          </span>
          {recorded.note && <p className="small">{recorded.note}</p>}
        </div>
      )}
      {i.status === 'open' && (
        <>
          <p className="muted small">{t('caller.help')}</p>
          <details className="desk-contact">
            <summary>{t('caller.registered')}</summary>
            <dl className="facts" data-testid="registered-contact">
              <dt>{t('caller.field.name')}</dt>
              <dd>
                {contact.name}（{contact.nameKana}）
              </dd>
              <dt>{t('caller.department')}</dt>
              <dd>{contact.department}</dd>
              <dt>{t('caller.field.phone')}</dt>
              <dd className="mono">{contact.phone}</dd>
              <dt>{t('caller.field.email')}</dt>
              <dd className="mono">{contact.email}</dd>
            </dl>
          </details>
          <form
            className="desk-caller-form"
            onSubmit={(e) => {
              e.preventDefault();
              void verify();
            }}
          >
            {fieldRow('name', 'text', 'off')}
            {fieldRow('phone', 'tel', 'off')}
            {fieldRow('email', 'email', 'off')}
            <button
              type="submit"
              className="button"
              disabled={busy === 'caller'}
              data-testid="caller-verify"
            >
              {t('caller.verify')}
            </button>
          </form>
          {check && (
            <div aria-live="polite">
              <ul className="desk-caller-fields" data-testid="caller-fields">
                {(['name', 'phone', 'email'] as const).map((f) => (
                  <li key={f} data-field={f} data-result={check[f]}>
                    {t(`caller.field.${f}`)}: {t(`caller.fieldResult.${check[f]}`)}
                  </li>
                ))}
              </ul>
              {check.result === 'mismatch' && !recorded && (
                <div className="notice notice-warn" role="alert" data-testid="caller-mismatch">
                  <strong>{t('caller.mismatchTitle')}</strong>
                  <p>{t('caller.rule')}</p>
                  <fieldset>
                    <legend>{t('caller.decide')}</legend>
                    {DECISIONS_ON_MISMATCH.map((d) => (
                      <label key={d} className="desk-choice">
                        <input
                          type="radio"
                          name={`${id}-decision`}
                          value={d}
                          checked={decision === d}
                          data-testid={`decision-${d}`}
                          onChange={() => setDecision(d)}
                        />
                        {t(`caller.decisionHelp.${d}`)}
                      </label>
                    ))}
                  </fieldset>
                  <div className="field">
                    <label htmlFor={`${id}-note`}>{t('caller.note')}</label>
                    <textarea
                      id={`${id}-note`}
                      rows={2}
                      data-testid="caller-note"
                      value={note}
                      onChange={(e) => setNote(e.target.value)}
                    />
                  </div>
                  <button
                    type="button"
                    className="button"
                    disabled={!decision || busy === 'caller'}
                    data-testid="caller-decide"
                    onClick={() => decision && void verify(decision)}
                  >
                    {t('caller.record')}
                  </button>
                </div>
              )}
            </div>
          )}
          {actionError?.action === 'caller' && <ErrorNotice error={actionError.error} />}
        </>
      )}
    </section>
  );
}
