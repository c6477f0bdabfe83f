import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerLedger, OutageRecord } from '../../../shared/ops/sla';
import type { SlaService } from '../../../shared/sla-ledger';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useContractLabel } from '../contracts/label';
import { useSla } from './store';
import { fromJstInput, toJstInput } from './time';

type Field = 'service' | 'contractId' | 'startedAt' | 'knownAt' | 'endedAt' | 'note';
const FIELDS: Field[] = ['service', 'contractId', 'startedAt', 'knownAt', 'endedAt', 'note'];

/**
 * Records or edits one outage (times in Japan time). The main process validates and audits; its
 * located issues are shown beside their fields.
 */
export function OutageForm({
  customer,
  outage,
  onDone,
}: {
  customer: CustomerLedger;
  outage: OutageRecord | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('sla');
  const label = useContractLabel();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const services = customer.services.map((s) => s.service);
  const [service, setService] = useState<SlaService>(outage?.service ?? services[0] ?? 'iij-c-soc');
  const [contractId, setContractId] = useState(outage?.contractId ?? '');
  const [startedAt, setStartedAt] = useState(toJstInput(outage?.startedAt ?? null));
  const [knownAt, setKnownAt] = useState(toJstInput(outage?.knownAt ?? null));
  const [endedAt, setEndedAt] = useState(toJstInput(outage?.endedAt ?? null));
  const [vendorFault, setVendorFault] = useState(outage?.vendorFault ?? true);
  const [note, setNote] = useState(outage?.note ?? '');
  const [missing, setMissing] = useState(false);
  const { save, saving, saveError, clearSaveError } = useSla();

  useEffect(() => {
    clearSaveError();
    ref.current?.showModal();
  }, [clearSaveError]);

  const issues = saveError?.issues ?? [];
  const errorOf = (f: Field) => {
    if (f === 'startedAt' && missing) return t('validation.required');
    const i = issues.find((x) => x.path === f);
    // Issue messages are keys from the main process (`sla:validation.*`, `errors:issue.*`).
    return i ? (t as unknown as (k: string, p?: object) => string)(i.message, i.params) : null;
  };
  const fieldProps = (f: Field) => {
    const error = errorOf(f);
    return {
      id: `${id}-${f}`,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id}-${f}-error` : `${id}-${f}-help`,
    };
  };
  const errorText = (f: Field) => {
    const error = errorOf(f);
    return error ? (
      <span id={`${id}-${f}-error`} className="dlg-error" role="alert">
        {error}
      </span>
    ) : null;
  };
  const otherIssues = issues.filter((i) => !FIELDS.includes(i.path as Field));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const start = fromJstInput(startedAt);
    setMissing(start === null);
    if (start === null) return;
    const ok = await save({
      ...(outage ? { id: outage.id } : {}),
      customerId: customer.customerId,
      service,
      contractId: contractId || null,
      startedAt: start,
      knownAt: fromJstInput(knownAt),
      endedAt: fromJstInput(endedAt),
      vendorFault,
      note,
    });
    if (ok) ref.current?.close();
  };

  return (
    <dialog ref={ref} className="form-dialog" aria-labelledby={`${id}-title`} onClose={onDone}>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="outage-form">
        <h2 id={`${id}-title`}>{t(outage ? 'form.editTitle' : 'form.createTitle')}</h2>
        {saveError && (otherIssues.length > 0 || issues.length === 0) && (
          <ErrorNotice error={{ ...saveError, issues: otherIssues }} />
        )}
        <div className="dlg-row">
          <label htmlFor={`${id}-service`}>{t('outages.service')}</label>
          <div>
            <select
              {...fieldProps('service')}
              value={service}
              onChange={(e) => {
                setService(e.target.value as SlaService);
                setContractId('');
              }}
            >
              {services.map((s) => (
                <option key={s} value={s}>
                  {t(`service.${s}`)}
                </option>
              ))}
            </select>
            {errorText('service')}
          </div>
        </div>
        <div className="dlg-row">
          <label htmlFor={`${id}-contractId`}>{t('outages.scope')}</label>
          <div>
            <select
              {...fieldProps('contractId')}
              value={contractId}
              onChange={(e) => setContractId(e.target.value)}
            >
              <option value="">{t('outages.scopeAll')}</option>
              {customer.contracts
                .filter((k) => k.service === service)
                .map((k) => (
                  <option key={k.id} value={k.id}>
                    {`${label.part(k) || label.service(k)} (${k.contractNo})`}
                  </option>
                ))}
            </select>
            {errorText('contractId')}
          </div>
        </div>
        <div className="dlg-row">
          <label htmlFor={`${id}-startedAt`}>{t('outages.startedAt')}</label>
          <div>
            <input
              {...fieldProps('startedAt')}
              type="datetime-local"
              required
              value={startedAt}
              onChange={(e) => setStartedAt(e.target.value)}
            />
            {errorText('startedAt')}
          </div>
        </div>
        <div className="dlg-row">
          <label htmlFor={`${id}-knownAt`}>{t('outages.knownAt')}</label>
          <div>
            <input
              {...fieldProps('knownAt')}
              type="datetime-local"
              value={knownAt}
              onChange={(e) => setKnownAt(e.target.value)}
            />
            {errorText('knownAt')}
            <span id={`${id}-knownAt-help`} className="help">
              {t('form.knownHelp')}
            </span>
          </div>
        </div>
        <div className="dlg-row">
          <label htmlFor={`${id}-endedAt`}>{t('outages.endedAt')}</label>
          <div>
            <input
              {...fieldProps('endedAt')}
              type="datetime-local"
              value={endedAt}
              onChange={(e) => setEndedAt(e.target.value)}
            />
            {errorText('endedAt')}
            <span id={`${id}-endedAt-help`} className="help">
              {t('form.endedHelp')}
            </span>
          </div>
        </div>
        <div className="dlg-row">
          <span>{t('outages.vendorFault')}</span>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={vendorFault}
              onChange={(e) => setVendorFault(e.target.checked)}
            />
            {t('outages.vendorFaultYes')}
          </label>
        </div>
        <div className="dlg-row">
          <label htmlFor={`${id}-note`}>{t('outages.note')}</label>
          <div>
            <textarea
              {...fieldProps('note')}
              rows={2}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            {errorText('note')}
            <span id={`${id}-note-help`} className="help">
              {t('form.noteHelp')}
            </span>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {t('form.save')}
          </button>
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
