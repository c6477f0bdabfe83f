import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { displayAnswer, isAnswered, visibleSections } from '../../../../shared/hearing-sheet';
import type { InquiryDetail } from '../../../../shared/ops/desk';
import type { ApiError } from '../../../../shared/result';
import { formatDateTime } from '../../../../shared/time';
import { call } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { usePrintReady } from './ready';
import '../../../styles/desk.css';

/**
 * A hearing sheet on paper: the customer's preparation before calling (sent to the partner), with
 * every question shown for its answers, unanswered ones left blank to be filled in on the call.
 */
export function SheetPrint() {
  const { inquiryId = '' } = useParams();
  const [params] = useSearchParams();
  const lng = params.get('lang') === 'en' ? 'en' : 'ja';
  const { t } = useTranslation('desk', { lng });
  const [detail, setDetail] = useState<InquiryDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void call('desk.get', { inquiryId }).then((r) =>
      r.ok ? setDetail(r.value) : setError(r.error),
    );
  }, [inquiryId]);
  usePrintReady(detail !== null, error !== null);
  if (error) return <ErrorNotice error={error} />;
  if (!detail) return null;
  const { template, inquiry: i, customer } = detail;
  const answers = i.answers;
  const po = lng === 'ja' ? '（' : ' (';
  const pc = lng === 'ja' ? '）' : ')';
  return (
    <article className="desk print-page" lang={lng} data-testid="sheet-print">
      <header className="print-head">
        <p className="print-kicker">
          {template.title[lng]}
          {po}
          {t('templates.versionN', { version: template.version })}
          {pc}
        </p>
        <h1>{i.side === 'customer' ? t('print.sheetTitleCustomer') : t('print.sheetTitle')}</h1>
        <dl className="print-ids">
          <dt>{t('print.sheetId')}</dt>
          <dd className="mono">{i.id}</dd>
          <dt>{t('print.customer')}</dt>
          <dd>{customer[lng === 'ja' ? 'nameJa' : 'nameEn']}</dd>
          <dt>{t('print.preparedAt')}</dt>
          <dd>{formatDateTime(i.createdAt)}</dd>
          <dt>{t('print.to')}</dt>
          <dd>
            {customer.partner[lng === 'ja' ? 'nameJa' : 'nameEn']} {customer.partner.deskPhone} /{' '}
            {customer.partner.deskEmail}
          </dd>
        </dl>
      </header>
      {detail.alerts.length > 0 && (
        <section>
          <h2>{t('print.alerts', { count: detail.alerts.length })}</h2>
          <ul>
            {detail.alerts.map((a) => (
              <li key={a.id}>
                <span className="mono">{a.sourceId}</span> {lng === 'ja' ? a.titleJa : a.titleEn}
                {po}
                {formatDateTime(a.detectedAt)}
                {pc}
              </li>
            ))}
          </ul>
        </section>
      )}
      {visibleSections(template, answers).map(({ section, questions }) => (
        <section key={section.id} className="print-block">
          <h2>{section.title[lng]}</h2>
          <table className="print-table print-qa">
            <tbody>
              {questions.map((q) => {
                const v = answers[q.id];
                return (
                  <tr key={q.id}>
                    <th scope="row">
                      {q.label[lng]}
                      {q.required && <span className="desk-req">{t('sheet.required')}</span>}
                    </th>
                    <td className="desk-pre">
                      {v !== undefined && isAnswered(v) ? (
                        displayAnswer(q, v)[lng]
                      ) : (
                        <span className="print-blank" />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}
