import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquiryDetail } from '../../../shared/ops/desk';
import { useFormat } from '../../format';

/** Every step of the inquiry, time-stamped, from the audit log. */
export function Timeline({ detail }: { detail: InquiryDetail }) {
  const { t } = useTranslation('desk');
  const { dateTime } = useFormat();
  const id = useId();
  const tx = t as unknown as (key: string, opts?: Record<string, string>) => string;
  // The audit log holds codes; each is read in the user's language.
  const detailOf = (action: string, to: string | null): string => {
    if (to === null) return '';
    if (action === 'caller.checked') return tx(`caller.decision.${to}`);
    if (action === 'reception.outside-hours') return tx(`outside.${to}`);
    if (action === 'inquiry.answered' || action === 'inquiry.closed')
      return tx(`outcome.${to === 'on-time' ? 'onTime' : 'late'}`);
    if (action === 'second-line.answered') return tx(`secondLine.status.${to}`);
    if (action === 'inquiry.created' || action === 'inquiry.imported') return tx(`status.${to}`);
    if (action === 'sheet.sent') return tx(`customer.sentVia.${to}`);
    if (action === 'package.delivered' || action === 'package.delivery-failed')
      return tx(`escalation.method.${to.split(':')[0] ?? ''}`);
    if (action === 'caller.mismatch')
      return to
        .split(',')
        .filter((f) => f.endsWith(':mismatch'))
        .map((f) => tx(`caller.field.${f.split(':')[0] ?? ''}`))
        .join(', ');
    return to;
  };
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('timeline.title')}</h2>
      <ol className="desk-timeline" data-testid="timeline">
        {detail.timeline.map((e, n) => (
          <li key={n} data-action={e.action}>
            <span className="mono muted">{dateTime(e.at)}</span>{' '}
            <span>{tx(`timeline.action.${e.action}`)}</span>
            {e.to && <span className="muted"> — {detailOf(e.action, e.to)}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
