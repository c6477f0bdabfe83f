import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InquiryDetail } from '../../../shared/ops/desk';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import { useDesk } from './store';
import { inputToMs, msToInput } from './text';

/**
 * The reception clock (002 別紙3 2(1), 2(4)①): when it came in and how, the day it counts as
 * received, the first-answer target, and whether it came in outside reception hours. The time can
 * be corrected while the inquiry is open (an e-mail read later than it arrived).
 */
export function ReceptionCard({ detail }: { detail: InquiryDetail }) {
  const { t } = useTranslation('desk');
  const { dateTime, date } = useFormat();
  const i = detail.inquiry;
  const act = useDesk((s) => s.act);
  const actionError = useDesk((s) => s.actionError);
  const [editing, setEditing] = useState(false);
  const [received, setReceived] = useState('');
  const [channel, setChannel] = useState<'phone' | 'email'>(i.channel ?? 'phone');
  const id = useId();
  const r = i.reception;
  if (!r) return null;
  const save = async () => {
    const ok = await act('reception', 'desk.update', {
      inquiryId: i.id,
      receivedAt: inputToMs(received),
      channel,
    });
    if (ok) setEditing(false);
  };
  return (
    <section className="card desk-clock" aria-labelledby={`${id}-h`} data-testid="reception">
      <h2 id={`${id}-h`}>{t('clock.title')}</h2>
      <dl className="desk-clock-facts">
        <div>
          <dt>{t('clock.receivedAt')}</dt>
          <dd className="mono" data-testid="received-at">
            {dateTime(r.receivedAt)}
          </dd>
          <dd>
            {i.channel && <span className="muted small">{t(`channel.${i.channel}`)}</span>}
            {r.receivedOutside && (
              <span className="chip chip-outside" data-testid="outside-flag">
                {t(`outside.${r.receivedOutside}`)}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('clock.receptionDay')}</dt>
          <dd className="mono" data-testid="reception-day">
            {date(r.receptionDay)}
          </dd>
        </div>
        <div>
          <dt>{t('clock.due')}</dt>
          <dd className="mono desk-due-big" data-testid="due-at">
            {dateTime(r.dueAt)}
          </dd>
          <dd>
            {i.flag && (
              <span className={`chip chip-${i.flag}`} data-testid="due-flag" data-flag={i.flag}>
                {t(`flag.${i.flag}`)}
              </span>
            )}
            {i.firstAnswerAt !== null && (
              <span className="muted small">
                {t('clock.firstAnswer', { time: dateTime(i.firstAnswerAt) })}
              </span>
            )}
          </dd>
        </div>
      </dl>
      <p className="muted small">{t('clock.basis')}</p>
      {i.status === 'open' &&
        (editing ? (
          <form
            className="desk-inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label htmlFor={`${id}-at`}>{t('clock.correct')}</label>
            <input
              id={`${id}-at`}
              type="datetime-local"
              value={received}
              onChange={(e) => setReceived(e.target.value)}
            />
            <select
              aria-label={t('new.channel')}
              value={channel}
              onChange={(e) => setChannel(e.target.value as 'phone' | 'email')}
            >
              <option value="phone">{t('channel.phone')}</option>
              <option value="email">{t('channel.email')}</option>
            </select>
            <button type="submit" className="button">
              {t('common.save')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </form>
        ) : (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setReceived(msToInput(r.receivedAt));
              setEditing(true);
            }}
          >
            {t('clock.correct')}
          </button>
        ))}
      {actionError?.action === 'reception' && <ErrorNotice error={actionError.error} />}
    </section>
  );
}
