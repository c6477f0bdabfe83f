import { useTranslation } from 'react-i18next';
import type { ContractView } from '../../../shared/ops/contracts';
import { useFormat } from '../../format';
import { useContractLabel } from './label';

function DaysLeft({ days }: { days: number | null }) {
  const { t } = useTranslation('contracts');
  if (days === null) return null;
  if (days < 0) return <span className="muted small">{t('value.passed')}</span>;
  if (days === 0) return <span className="small days-left">{t('value.today')}</span>;
  return <span className="small days-left">{t('value.daysLeft', { count: days })}</span>;
}

function Status({ v }: { v: ContractView }) {
  const { t } = useTranslation('contracts');
  const { date } = useFormat();
  const s = v.standing;
  if (s.ending) {
    return (
      <>
        <span className={`chip ${s.ended ? 'chip-muted' : 'chip-warn'}`}>
          {t(s.ended ? 'badge.ended' : 'badge.ending')}
        </span>
        <div className="small">
          {s.ended
            ? t('status.ended', { date: date(s.ending.effective) })
            : t('status.ending', {
                date: date(s.ending.effective),
                notice: date(s.ending.noticeReceived),
              })}
        </div>
      </>
    );
  }
  if (s.actionNeeded && s.next) {
    return (
      <>
        <span className="chip chip-action" data-testid={`action-${v.contract.id}`}>
          {t('badge.actionNeeded')}
        </span>
        <div className="small">
          {t('status.actionNeeded', { date: date(s.next.date), kind: t(`kind.${s.next.kind}`) })}
        </div>
      </>
    );
  }
  return <span className="muted small">{t('status.ok')}</span>;
}

/** One customer's contracts with every date and fee the rules give, and the cancel calculator. */
export function ContractTable({
  views,
  onCalculate,
}: {
  views: ContractView[];
  onCalculate: (v: ContractView) => void;
}) {
  const { t } = useTranslation(['contracts', 'catalog']);
  const { date, number } = useFormat();
  const label = useContractLabel();
  return (
    <table className="table contracts-table">
      <thead>
        <tr>
          <th scope="col">{t('column.contract')}</th>
          <th scope="col">{t('column.dates')}</th>
          <th scope="col">{t('column.term')}</th>
          <th scope="col">{t('column.minimum')}</th>
          <th scope="col">{t('column.notice')}</th>
          <th scope="col" className="num">
            {t('column.fees')}
          </th>
          <th scope="col">{t('column.status')}</th>
        </tr>
      </thead>
      <tbody>
        {views.map((v) => {
          const { contract: k, standing: s, articles: a } = v;
          const id = k.id;
          const part = label.part(k);
          return (
            <tr
              key={id}
              data-testid={`contract-${id}`}
              className={s.actionNeeded ? 'row-action' : ''}
            >
              <th scope="row">
                <div className="contract-service">{label.service(k)}</div>
                {part && <div>{part}</div>}
                <div className="mono muted small">{k.contractNo}</div>
                {k.options.length > 0 && (
                  <ul className="options">
                    {k.options.map((o) => (
                      <li key={o} className="chip">
                        {t(`option.${o}`)}
                      </li>
                    ))}
                  </ul>
                )}
                {v.insurance && (
                  <p className="small insurance" data-testid={`insurance-${id}`}>
                    <strong>{t('insurance.label')}</strong>{' '}
                    {t('insurance.value', {
                      date: date(v.insurance.coverageStart),
                      cap: number(v.insurance.capYen),
                    })}
                    <span className="cite">
                      {t('value.article', { article: v.insurance.article })}
                    </span>
                  </p>
                )}
              </th>
              <td>
                <div>{t('value.start', { date: date(k.start) })}</div>
                <div className="muted small">
                  {t('value.billingStart', { date: date(k.billingStart) })}
                </div>
              </td>
              <td data-testid={`term-${id}`}>
                {s.termStart && s.termEnd ? (
                  <>
                    <div>{t('value.term', { from: date(s.termStart), to: date(s.termEnd) })}</div>
                    <div className="small">{t('value.autoRenews')}</div>
                    {a.term && (
                      <span className="cite">{t('value.article', { article: a.term })}</span>
                    )}
                  </>
                ) : (
                  <span className="muted small">{t('value.noTerm')}</span>
                )}
              </td>
              <td data-testid={`minimum-${id}`}>
                {s.minimumPeriodEnd ? (
                  <>
                    <div>{date(s.minimumPeriodEnd)}</div>
                    <DaysLeft days={s.minimumDaysLeft} />
                    {a.minimumPeriod && (
                      <span className="cite">
                        {t('value.article', { article: a.minimumPeriod })}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="muted small">{t('value.none')}</span>
                )}
              </td>
              <td data-testid={`notice-${id}`}>
                {s.noticeDeadline ? (
                  <>
                    <div>{date(s.noticeDeadline)}</div>
                    <DaysLeft days={s.noticeDaysLeft} />
                    {a.notice && (
                      <span className="cite">{t('value.article', { article: a.notice })}</span>
                    )}
                  </>
                ) : (
                  <span className="muted small">{t('value.noAutoRenew')}</span>
                )}
              </td>
              <td className="num" data-testid={`fees-${id}`}>
                {k.monthlyFee !== null && (
                  <div>{t('value.monthly', { amount: number(k.monthlyFee) })}</div>
                )}
                {k.annualFee !== null && (
                  <div>{t('value.annual', { amount: number(k.annualFee) })}</div>
                )}
                {k.monthlyFee === null && k.annualFee === null && (
                  <span className="muted small">{t('value.noFee')}</span>
                )}
              </td>
              <td data-testid={`status-${id}`}>
                <Status v={v} />
                {!s.ending && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => onCalculate(v)}
                    aria-label={t('calc.openFor', {
                      contract: `${label.service(k)} ${part} ${k.contractNo}`,
                    })}
                    data-testid={`calc-${id}`}
                  >
                    {t('calc.open')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
