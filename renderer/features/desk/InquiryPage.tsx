import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { subscribe } from '../../api';
import { useFormat } from '../../format';
import { AlertAside } from './AlertAside';
import { AnswerPanel } from './AnswerPanel';
import { CallerCheck } from './CallerCheck';
import { StatusChip } from './chips';
import { CustomerActions } from './CustomerActions';
import { EscalationPanel } from './EscalationPanel';
import { ReceptionCard } from './ReceptionCard';
import { SheetForm } from './SheetForm';
import { flushOnLeave, useDesk } from './store';
import { Timeline } from './Timeline';
import { InquiryPrivacy } from '../privacy/InquiryPrivacy';
import '../../styles/desk.css';

/**
 * One inquiry. For the partner: the call as it happens — reception clock, caller check, the
 * hearing sheet with the alerts' explanation beside it, then the answer by phone or the escalation
 * and its tracking. For the customer: the same sheet, prepared before calling, and how to send it.
 */
export function InquiryPage() {
  const { t } = useTranslation('desk');
  const { name } = useFormat();
  const { inquiryId = '' } = useParams();
  const detail = useDesk((s) => s.detail);
  const detailError = useDesk((s) => s.detailError);
  const open = useDesk((s) => s.open);
  const refresh = useDesk((s) => s.refresh);
  const close = useDesk((s) => s.close);

  useEffect(() => {
    void open(inquiryId);
    return () => close();
  }, [inquiryId, open, close]);
  useEffect(() => flushOnLeave(), []);
  useEffect(
    () =>
      subscribe('data.changed', (e) => {
        if (e.topics.includes('inquiries') && !useDesk.getState().busy) void refresh();
      }),
    [refresh],
  );

  if (detailError)
    return (
      <section className="page desk">
        <ErrorNotice error={detailError} onRetry={() => void open(inquiryId)} />
        <Link to="/desk">{t('inquiry.back')}</Link>
      </section>
    );
  if (!detail || detail.inquiry.id !== inquiryId) return <Loading />;
  const i = detail.inquiry;
  const partner = i.side === 'partner';
  const editable = partner ? i.status === 'open' : i.status === 'draft' || i.status === 'sent';

  return (
    <section className="page desk desk-inquiry" data-testid="inquiry-page" data-status={i.status}>
      <div className="page-head">
        <div>
          <p className="muted small">
            <Link to="/desk">{partner ? t('inquiry.back') : t('inquiry.backCustomer')}</Link>
          </p>
          <h1>
            {partner ? t('inquiry.title') : t('inquiry.titleCustomer')}{' '}
            <span className="mono desk-id" data-testid="inquiry-id">
              {i.id}
            </span>
          </h1>
          <p className="desk-subtitle">
            {name(detail.customer)} <StatusChip status={i.status} onTime={i.onTime} />
          </p>
        </div>
      </div>
      <div className="desk-layout">
        <div className="desk-main">
          {partner && <ReceptionCard detail={detail} />}
          {!partner && <CustomerActions detail={detail} />}
          {partner && <CallerCheck detail={detail} />}
          <SheetForm detail={detail} editable={editable} />
          {partner && i.status === 'open' && <AnswerPanel detail={detail} />}
          {partner && i.escalation && <EscalationPanel detail={detail} />}
          {i.phoneAnswer && (
            <section className="card" aria-labelledby="desk-answered">
              <h2 id="desk-answered">{t('answer.recorded')}</h2>
              <p className="desk-pre" data-testid="phone-answer">
                {i.phoneAnswer}
              </p>
            </section>
          )}
          <Timeline detail={detail} />
          <InquiryPrivacy detail={detail} />
        </div>
        <AlertAside detail={detail} />
      </div>
    </section>
  );
}
