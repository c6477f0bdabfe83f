import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inquiryTypes, suggestAnswers, type Suggestion } from '../../../shared/hearing-sheet';
import { kbEntry } from '../../../shared/kb';
import type { InquiryDetail } from '../../../shared/ops/desk';
import { useFormat } from '../../format';
import { useDesk } from './store';
import { suggestionText } from './text';

/**
 * Beside the sheet: what the linked alerts mean (the knowledge base, 002 別紙3 1(4)①–③) and, for
 * the inquiry types chosen on the sheet, answers the desk can read out, copy, edit and record.
 */
export function AlertAside({ detail }: { detail: InquiryDetail }) {
  const { t, i18n } = useTranslation('desk');
  const { dateTime, date } = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const id = useId();
  const types = inquiryTypes(detail.inquiry.answers);
  const p = detail.customer.perimeter;
  const suggestions = suggestAnswers({
    types,
    alerts: detail.alerts,
    language: lang,
    perimeterMissing: !p.utmWithUrlFilter && !p.firewallAndProxy,
  });
  const partner = detail.inquiry.side === 'partner';
  return (
    <aside className="desk-aside" aria-labelledby={`${id}-h`} data-testid="alert-aside">
      <h2 id={`${id}-h`}>{t('aside.title')}</h2>
      {detail.alerts.length === 0 && <p className="muted">{t('aside.noAlerts')}</p>}
      {detail.alerts.map((a) => {
        const kb = kbEntry(a.threatKind);
        return (
          <article key={a.id} className="card desk-alert" data-testid={`aside-alert-${a.id}`}>
            <h3>
              <span className={`desk-sev desk-sev-${a.severity}`}>
                {t(`severity.${a.severity}`)}
              </span>{' '}
              {lang === 'en' ? a.titleEn : a.titleJa}
            </h3>
            <p className="muted small mono">
              {a.sourceId} · {dateTime(a.detectedAt)}
            </p>
            <p data-testid="aside-summary">{kb.summary[lang]}</p>
            {lang !== 'ja' && (
              // The desk relays the vendor's Japanese to the customer (reception is in Japanese,
              // 002 別紙3 2(2)), so the original stays in view beside a translation.
              <p lang="ja" className="small" data-testid="aside-summary-ja">
                <span className="muted">{t('aside.inJapanese')}:</span> {kb.summary.ja}
              </p>
            )}
            <details>
              <summary>{t('aside.more')}</summary>
              <p>{kb.details[lang]}</p>
              <h4>{t('aside.impact')}</h4>
              <ol>
                {kb.impactChecks.map((c, n) => (
                  <li key={n}>{c[lang]}</li>
                ))}
              </ol>
            </details>
            <h4>{t('aside.recommendations')}</h4>
            <ol className="desk-recs" data-testid="aside-recommendations">
              {[...kb.recommendations]
                .sort((x, y) => Number(y.urgent) - Number(x.urgent))
                .map((r) => (
                  <li key={r.id}>
                    {r.urgent && <span className="chip chip-overdue">{t('aside.urgent')}</span>}{' '}
                    {r[lang]}
                    {lang !== 'ja' && (
                      <span lang="ja" className="muted small desk-rec-ja">
                        <br />
                        {r.ja}
                      </span>
                    )}
                  </li>
                ))}
            </ol>
            {a.hosts.length > 0 && (
              <p className="small">
                {t('aside.hosts')}: <span className="mono">{a.hosts.join(', ')}</span>
              </p>
            )}
          </article>
        );
      })}
      {partner && (
        <section className="desk-suggestions" aria-labelledby={`${id}-s`} data-testid="suggestions">
          <h2 id={`${id}-s`}>{t('suggest.title')}</h2>
          {types.length === 0 && <p className="muted small">{t('suggest.pickType')}</p>}
          {suggestions.map((s) => (
            <SuggestionCard key={s.id} suggestion={s} />
          ))}
          {types.includes('device-failure') && (
            <div className="card desk-suggestion" data-testid="suggest-device">
              <h3>{t('suggest.device.title')}</h3>
              <ul>
                {detail.devices.map((d) => (
                  <li key={d.id}>
                    {d.name} ({d.model}): <strong>{t(`device.${d.status}`)}</strong>
                    {d.lastSeenAt !== null && (
                      <span className="muted small">
                        {' '}
                        {t('suggest.device.lastSeen', { time: dateTime(d.lastSeenAt) })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
              <p className="small">{t('suggest.device.rule')}</p>
            </div>
          )}
          {types.includes('contract') && (
            <div className="card desk-suggestion" data-testid="suggest-contract">
              <h3>{t('suggest.contract.title')}</h3>
              <ul>
                {detail.contracts.map((k) => (
                  <li key={k.id}>
                    {t(`service.${k.service}`)} <span className="mono small">{k.contractNo}</span>
                    {k.termEnd && (
                      <> — {t('suggest.contract.termEnd', { date: date(k.termEnd) })}</>
                    )}
                    {k.noticeDeadline && (
                      <> / {t('suggest.contract.notice', { date: date(k.noticeDeadline) })}</>
                    )}
                  </li>
                ))}
              </ul>
              <p className="small">{t('suggest.contract.rule')}</p>
            </div>
          )}
        </section>
      )}
    </aside>
  );
}

function SuggestionCard({ suggestion: s }: { suggestion: Suggestion }) {
  const { t } = useTranslation('desk');
  const appendToDraft = useDesk((st) => st.appendToDraft);
  const [copied, setCopied] = useState(false);
  const text = suggestionText(t, s);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="card desk-suggestion" data-testid={`suggestion-${s.id}`}>
      <h3>
        {t(`inquiryType.${s.type}`)}
        {s.alert && <span className="muted small"> — {s.alert.title}</span>}
      </h3>
      <p className="desk-pre small">{text}</p>
      <div className="desk-actions">
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? t('suggest.copied') : t('suggest.copy')}
        </button>
        <button
          type="button"
          className="button"
          data-testid={`use-${s.id}`}
          onClick={() => appendToDraft(text)}
        >
          {t('suggest.use')}
        </button>
      </div>
    </div>
  );
}
