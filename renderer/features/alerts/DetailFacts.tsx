/** The record side of an alert's screen: facts, the 15-minute check, communications, history. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { kbEntry } from '../../../shared/kb';
import type { AlertDetail } from '../../../shared/ops/alerts';
import { useFormat } from '../../format';

type Detail = AlertDetail;

export function Facts({ detail }: { detail: Detail }) {
  const { t } = useTranslation(['alerts', 'catalog']);
  const { dateTime, name, number } = useFormat();
  const a = detail.alert;
  return (
    <section className="card" aria-labelledby="facts" data-testid="facts">
      <h2 id="facts">{t('detail.facts')}</h2>
      <dl className="facts">
        <dt>{t('detail.sourceId')}</dt>
        <dd className="mono">{a.sourceId}</dd>
        <dt>{t('detail.source')}</dt>
        <dd>
          {t(`catalog:source.${a.source}`)}
          {a.module && ` — ${t(`module.${a.module}`)}`}
        </dd>
        <dt>{t('detail.customer')}</dt>
        <dd>{name(detail.customer)}</dd>
        <dt>{t('detail.level')}</dt>
        <dd>{a.sourceSeverity}</dd>
        <dt>{t('detail.detectedAt')}</dt>
        <dd className="mono">{dateTime(a.detectedAt)}</dd>
        <dt>{t('detail.notifiedAt')}</dt>
        <dd className="mono">
          {a.notifiedAt === null ? t('detail.notNotified') : dateTime(a.notifiedAt)}
        </dd>
        <dt>{t('detail.firstSeen')}</dt>
        <dd className="mono">{dateTime(a.firstSeen)}</dd>
        <dt>{t('detail.lastSeen')}</dt>
        <dd className="mono">{dateTime(a.lastSeen)}</dd>
        <dt>{t('detail.count')}</dt>
        <dd>{t('detail.countValue', { count: a.count, n: number(a.count) })}</dd>
        <dt>{t('detail.hosts')}</dt>
        <dd>
          <ul className="plain-list" data-testid="affected-hosts">
            {a.hosts.map((h) => (
              <li key={h}>
                <Link
                  className="mono"
                  to={`/alerts?status=all&customer=${encodeURIComponent(a.customerId)}&host=${encodeURIComponent(h)}`}
                  title={t('detail.filterHost')}
                >
                  {h}
                </Link>
              </li>
            ))}
          </ul>
        </dd>
        {a.indicators.length > 0 && (
          <>
            <dt>{t('detail.indicators')}</dt>
            <dd>
              <ul className="plain-list mono">
                {a.indicators.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

export function SlaCard({ detail }: { detail: Detail }) {
  const { t } = useTranslation('alerts');
  const { dateTime } = useFormat();
  const sla = detail.sla;
  if (!sla) return null;
  const a = detail.alert;
  const verdict =
    sla.category === 'basic'
      ? t('sla.basic')
      : sla.held === true
        ? t('sla.held')
        : sla.held === false
          ? a.notifiedAt === null
            ? t('sla.missed')
            : t('sla.breached')
          : t('sla.pending');
  const tone = sla.category === 'basic' || sla.held === null ? 'neutral' : sla.held ? 'ok' : 'bad';
  return (
    <section className={`card sla-card sla-${tone}`} aria-labelledby="sla" data-testid="sla">
      <h2 id="sla">{t('sla.title')}</h2>
      <dl className="facts">
        <dt>{t('sla.detected')}</dt>
        <dd className="mono">{dateTime(a.detectedAt)}</dd>
        <dt>{t('sla.notified')}</dt>
        <dd className="mono">
          {a.notifiedAt === null ? t('detail.notNotified') : dateTime(a.notifiedAt)}
          {sla.minutes !== null && (
            <span className="muted"> ({t('sla.minutes', { minutes: sla.minutes })})</span>
          )}
        </dd>
      </dl>
      <p className="sla-verdict" data-testid="sla-verdict" data-held={String(sla.held)}>
        {verdict}
      </p>
      {sla.category === null && <p className="muted small">{t('sla.unknown')}</p>}
      <p className="muted small">{t('sla.cite')}</p>
    </section>
  );
}

export function Communications({ detail }: { detail: Detail }) {
  const { t } = useTranslation('alerts');
  const { dateTime, number } = useFormat();
  return (
    <section className="card" aria-labelledby="comms" data-testid="communications">
      <h2 id="comms">{t('detail.communications')}</h2>
      {detail.communications.length === 0 ? (
        <p className="muted">{t('detail.commsEmpty')}</p>
      ) : (
        <>
          {detail.communicationsTotal > detail.communications.length && (
            <p className="muted small">
              {t('detail.commsShown', {
                shown: number(detail.communications.length),
                total: number(detail.communicationsTotal),
              })}
            </p>
          )}
          <div className="table-scroll">
            <table className="table comms">
              <thead>
                <tr>
                  <th scope="col">{t('detail.at')}</th>
                  <th scope="col">{t('detail.src')}</th>
                  <th scope="col">{t('detail.dst')}</th>
                  <th scope="col" className="num">
                    {t('detail.port')}
                  </th>
                  <th scope="col">{t('detail.protocol')}</th>
                  <th scope="col">{t('detail.url')}</th>
                  <th scope="col">{t('detail.action')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.communications.map((c, i) => (
                  <tr key={i}>
                    <td className="mono">{dateTime(c.at)}</td>
                    <td className="mono">{c.src}</td>
                    <td className="mono">{c.dst}</td>
                    <td className="num">{c.port ?? '—'}</td>
                    <td>{c.protocol}</td>
                    <td className="mono url">{c.url ?? '—'}</td>
                    <td>
                      <span className={`action action-${c.action}`}>{t(`action.${c.action}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

export function History({ detail }: { detail: Detail }) {
  const { t } = useTranslation(['alerts', 'catalog']);
  const { dateTime, language } = useFormat();
  const recs = new Map(
    kbEntry(detail.alert.threatKind).recommendations.map((r) => [r.id, r[language]]),
  );
  return (
    <section aria-labelledby="history" data-testid="history">
      <h3 id="history">{t('history.title')}</h3>
      {detail.history.length === 0 ? (
        <p className="muted small">{t('history.empty')}</p>
      ) : (
        <ol className="history">
          {detail.history.map((h, i) => {
            const who = h.actorName ? h.actorName[language] : t('history.system');
            const text =
              h.action === 'alert.status'
                ? t('history.status', {
                    who,
                    from: t(`catalog:status.${h.from as 'new'}`),
                    to: t(`catalog:status.${h.to as 'new'}`),
                  })
                : t(h.action === 'alert.checklist.done' ? 'history.done' : 'history.undone', {
                    who,
                    item: recs.get(h.to ?? '') ?? h.to ?? '',
                  });
            return (
              <li key={i}>
                <span className="mono small">{dateTime(h.at)}</span> {text}
                {h.note && <p className="history-note">{h.note}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
