import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PackageView } from '../../../../shared/ops/desk';
import type { ApiError } from '../../../../shared/result';
import { formatDate, formatDateTime } from '../../../../shared/time';
import { call } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { usePrintReady } from './ready';
import '../../../styles/desk.css';

const when = (iso: string | null) => (iso ? formatDateTime(Date.parse(iso)) : '—');
const MAX_ROWS = 50;

/**
 * The escalation package as a document for the second-line window (002 別紙3 1(2)③), in the
 * package's language. It carries the package id and the SHA-256 of the JSON sent with it.
 */
export function PackagePrint() {
  const { packageId = '' } = useParams();
  const [view, setView] = useState<PackageView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void call('desk.package', { packageId }).then((r) =>
      r.ok ? setView(r.value) : setError(r.error),
    );
  }, [packageId]);
  usePrintReady(view !== null, error !== null);
  const lng = view?.language ?? 'ja';
  const { t } = useTranslation('desk', { lng });
  if (error) return <ErrorNotice error={error} />;
  if (!view) return null;
  const p = view.content;
  const L = (x: { ja: string; en: string }) => x[lng];
  // Japanese and English punctuation differ (（…）、 vs (…), ).
  const po = lng === 'ja' ? '（' : ' (';
  const pc = lng === 'ja' ? '）' : ')';
  const sep = lng === 'ja' ? '、' : ', ';
  return (
    <article className="desk print-page" lang={lng} data-testid="package-print">
      <header className="print-head">
        <p className="print-kicker">{t('print.kicker')}</p>
        <h1>{t('print.packageTitle')}</h1>
        <dl className="print-ids">
          <dt>{t('escalation.packageId')}</dt>
          <dd className="mono">{p.packageId}</dd>
          <dt>{t('print.jsonSha')}</dt>
          <dd className="mono print-hash">{view.sha256}</dd>
          <dt>{t('escalation.builtAt')}</dt>
          <dd>{when(p.builtAt)}</dd>
        </dl>
        <p className="small">{t('print.basis')}</p>
      </header>

      <section>
        <h2>{t('print.route')}</h2>
        <dl className="print-facts">
          <dt>{t('print.from')}</dt>
          <dd>
            {L(p.partner.name)}
            {po}
            {t('print.firstLine')}
            {pc} {p.partner.deskPhone} / {p.partner.deskEmail}
          </dd>
          <dt>{t('print.customer')}</dt>
          <dd>
            {L(p.customer.name)}
            {po}
            {L(p.customer.industry)}
            {pc}
          </dd>
          <dt>{t('print.registeredContact')}</dt>
          <dd>
            {p.customer.registeredContact.name}
            {po}
            {p.customer.registeredContact.nameKana}
            {pc} {p.customer.registeredContact.department} / {p.customer.registeredContact.phone} /{' '}
            {p.customer.registeredContact.email}
          </dd>
          <dt>{t('print.perimeter')}</dt>
          <dd>
            {t('print.utm')}:{' '}
            {p.customer.perimeter.utmWithUrlFilter ? t('sheet.yesno.yes') : t('sheet.yesno.no')} ·{' '}
            {t('print.fwProxy')}:{' '}
            {p.customer.perimeter.firewallAndProxy ? t('sheet.yesno.yes') : t('sheet.yesno.no')}
          </dd>
        </dl>
      </section>

      <section>
        <h2>{t('print.reception')}</h2>
        <dl className="print-facts">
          <dt>{t('print.inquiryId')}</dt>
          <dd className="mono">{p.inquiry.id}</dd>
          <dt>{t('clock.receivedAt')}</dt>
          <dd>
            {when(p.inquiry.receivedAt)}{' '}
            {p.inquiry.channel && `${po}${t(`channel.${p.inquiry.channel}`)}${pc}`}
            {p.inquiry.receivedOutside &&
              ` — ${t(`outside.${p.inquiry.receivedOutside as 'weekend'}`)}`}
          </dd>
          <dt>{t('clock.receptionDay')}</dt>
          <dd>{p.inquiry.receptionDay ? formatDate(p.inquiry.receptionDay) : '—'}</dd>
          <dt>{t('clock.due')}</dt>
          <dd>{when(p.inquiry.firstAnswerDue)}</dd>
          <dt>{t('print.caller')}</dt>
          <dd>
            {p.inquiry.caller
              ? `${[p.inquiry.caller.name, p.inquiry.caller.phone, p.inquiry.caller.email]
                  .filter(Boolean)
                  .join(
                    ' / ',
                  )} — ${t(`caller.result.${p.inquiry.caller.result ?? 'mismatch'}`)}${sep}${t(
                  `caller.decision.${(p.inquiry.caller.decision ?? 'served') as 'served'}`,
                )}`
              : '—'}
            {p.inquiry.caller?.note && <div className="small">{p.inquiry.caller.note}</div>}
          </dd>
          {p.inquiry.importedFrom && (
            <>
              <dt>{t('print.importedFrom')}</dt>
              <dd className="mono">{p.inquiry.importedFrom}</dd>
            </>
          )}
        </dl>
      </section>

      <section>
        <h2>
          {t('sheet.title')}
          {po}
          {L(p.hearingSheet.templateTitle)}{' '}
          {t('templates.versionN', { version: p.hearingSheet.templateVersion })}
          {pc}
        </h2>
        {p.hearingSheet.sections.map((s) => (
          <div key={s.id} className="print-block">
            <h3>{L(s.title)}</h3>
            {s.answers.length === 0 ? (
              <p className="muted small">{t('print.noAnswers')}</p>
            ) : (
              <table className="print-table print-qa">
                <tbody>
                  {s.answers.map((a) => (
                    <tr key={a.questionId}>
                      <th scope="row">{L(a.label)}</th>
                      <td className="desk-pre">{L(a.display)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
      </section>

      <section>
        <h2>{t('print.alerts', { count: p.alerts.length })}</h2>
        {p.alerts.length === 0 && <p className="muted">{t('aside.noAlerts')}</p>}
        {p.alerts.map((a) => (
          <div key={a.id} className="print-block">
            <h3>
              [{t(`severity.${a.severity as 'high'}`)}] {L(a.title)}
            </h3>
            <p className="small mono">
              {a.sourceId} · {t('print.detected')} {when(a.detectedAt)} · {t('print.notified')}{' '}
              {when(a.notifiedAt)} ·{' '}
              {t('print.seen', {
                first: when(a.firstSeen),
                last: when(a.lastSeen),
                count: a.count,
              })}
            </p>
            <p>{L(a.description)}</p>
            <p className="small">
              {t('aside.hosts')}: <span className="mono">{a.hosts.join(', ') || '—'}</span> ·{' '}
              {t('print.indicators')}:{' '}
              <span className="mono">{a.indicators.join(', ') || '—'}</span>
            </p>
            {a.originalText && <pre className="print-original">{a.originalText}</pre>}
            <table className="print-table small">
              <caption>
                {t('print.comms', {
                  shown: Math.min(MAX_ROWS, a.communications.length),
                  total: a.communicationsTotal,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('print.col.at')}</th>
                  <th scope="col">{t('print.col.src')}</th>
                  <th scope="col">{t('print.col.dst')}</th>
                  <th scope="col">{t('print.col.proto')}</th>
                  <th scope="col">{t('print.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {a.communications.slice(0, MAX_ROWS).map((c, n) => (
                  <tr key={n}>
                    <td className="mono">{when(c.at)}</td>
                    <td className="mono">{c.src}</td>
                    <td className="mono">
                      {c.dst}
                      {c.port !== null && `:${c.port}`}
                      {c.url && <div>{c.url}</div>}
                    </td>
                    <td>{c.protocol}</td>
                    <td>{t(`print.commAction.${c.action as 'allowed'}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>

      <section>
        <h2>{t('print.health')}</h2>
        <table className="print-table small">
          <thead>
            <tr>
              <th scope="col">{t('print.col.device')}</th>
              <th scope="col">{t('print.col.status')}</th>
              <th scope="col">{t('print.col.lastSeen')}</th>
              <th scope="col">{t('print.col.latest')}</th>
            </tr>
          </thead>
          <tbody>
            {p.sensorHealth.map((d) => (
              <tr key={d.deviceId}>
                <td>
                  {d.name}
                  {po}
                  {d.vendor} {d.model}
                  {pc} <span className="mono">{d.serial}</span>
                </td>
                <td>{t(`device.${d.status as 'healthy'}`)}</td>
                <td className="mono">{when(d.lastSeenAt)}</td>
                <td className="mono">
                  {d.latest
                    ? `CPU ${d.latest.cpuPct.toFixed(0)}% / MEM ${d.latest.memPct.toFixed(0)}% / DISK ${d.latest.diskPct.toFixed(0)}% / ${d.latest.bandwidthMbps.toFixed(0)} Mbps / ${d.latest.endpoints}`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>{t('print.contracts')}</h2>
        <table className="print-table small">
          <thead>
            <tr>
              <th scope="col">{t('print.col.service')}</th>
              <th scope="col">{t('print.col.contractNo')}</th>
              <th scope="col">{t('print.col.term')}</th>
              <th scope="col">{t('print.col.notice')}</th>
            </tr>
          </thead>
          <tbody>
            {p.contracts.map((k) => (
              <tr key={k.id}>
                <td>{t(`service.${k.service as 'cwpp'}`)}</td>
                <td className="mono">{k.contractNo}</td>
                <td className="mono">
                  {k.termStart ? formatDate(k.termStart) : formatDate(k.start)} –{' '}
                  {k.termEnd ? formatDate(k.termEnd) : '—'}
                </td>
                <td className="mono">{k.noticeDeadline ? formatDate(k.noticeDeadline) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {p.insurance && (
          <p className="small">
            {t('print.insurance', {
              start: formatDate(p.insurance.coverageStart),
              cap: p.insurance.capYen.toLocaleString(lng === 'ja' ? 'ja-JP' : 'en-US'),
            })}
          </p>
        )}
      </section>
    </article>
  );
}
