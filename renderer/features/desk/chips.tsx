import { useTranslation } from 'react-i18next';
import type { InquiryStatus, InquirySummary } from '../../../shared/ops/desk';
import { useFormat } from '../../format';

/** The inquiry's state; a closed one also says whether the first answer was on time. */
export function StatusChip({ status, onTime }: { status: InquiryStatus; onTime: boolean | null }) {
  const { t } = useTranslation('desk');
  return (
    <span className="desk-status">
      <span className={`chip chip-status-${status}`} data-testid="status-chip" data-status={status}>
        {t(`status.${status}`)}
      </span>
      {onTime !== null && (
        <span className={`chip ${onTime ? 'chip-ok' : 'chip-late'}`} data-testid="on-time-chip">
          {onTime ? t('outcome.onTime') : t('outcome.late')}
        </span>
      )}
    </span>
  );
}

/** Due time with its flag, and when the inquiry came in outside reception hours. */
export function ReceptionCell({ item }: { item: InquirySummary }) {
  const { t } = useTranslation('desk');
  const { dateTime } = useFormat();
  if (!item.reception) return <span className="muted">—</span>;
  return (
    <span className="desk-due">
      <span className="mono" data-testid="due-at">
        {dateTime(item.reception.dueAt)}
      </span>
      {item.flag && (
        <span className={`chip chip-${item.flag}`} data-testid="due-flag" data-flag={item.flag}>
          {t(`flag.${item.flag}`)}
        </span>
      )}
      <span className="muted small desk-received">
        {t('queue.received', { time: dateTime(item.reception.receivedAt) })}
      </span>
      {item.reception.receivedOutside && (
        <span className="chip chip-outside" data-testid="outside-flag">
          {t(`outside.${item.reception.receivedOutside}`)}
        </span>
      )}
    </span>
  );
}
