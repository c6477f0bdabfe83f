/**
 * The explanation parts of an alert's screen, each answering one of the typical questions of
 * SOC in Pocket's terms (002 別紙3 1(4)): what it means (in the reader's language, with the CTS
 * notice's English beside it), does it affect us, what to do (a checklist), and how far the attack
 * has got (攻撃工程の進み具合: kill chain and ATT&CK, 002 別紙3 1(3)③).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACK_TACTICS, KILL_CHAIN, type AttackTacticId } from '../../../shared/catalog';
import { kbEntry, kbPerimeterAdvice } from '../../../shared/kb';
import type { AlertDetail } from '../../../shared/ops/alerts';
import { useFormat } from '../../format';

type Detail = AlertDetail;

export function Explanation({ detail }: { detail: Detail }) {
  const { t } = useTranslation('alerts');
  const { language } = useFormat();
  const a = detail.alert;
  const kb = kbEntry(a.threatKind);
  const [more, setMore] = useState(false);
  const moreId = useId();
  const description =
    language === 'ja' ? a.descriptionJa || a.descriptionEn : a.descriptionEn || a.descriptionJa;
  return (
    <section className="card" aria-labelledby="what-happened" data-testid="explanation">
      <h2 id="what-happened">{t('detail.whatHappened')}</h2>
      <div className={a.originalText ? 'explain-pair' : undefined}>
        <div lang={language}>
          <p className="kb-summary">{kb.summary[language]}</p>
          {description && (
            <>
              <h3>{t('detail.alertText')}</h3>
              <p>{description}</p>
            </>
          )}
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={more}
            aria-controls={moreId}
            onClick={() => setMore(!more)}
          >
            {t('detail.moreDetails')}
          </button>
          <p id={moreId} hidden={!more}>
            {kb.details[language]}
          </p>
        </div>
        {a.originalText && (
          <figure className="original" data-testid="original-text">
            <figcaption>
              <h3>{t('detail.original')}</h3>
              <p className="muted small">{t('detail.originalHelp')}</p>
            </figcaption>
            <pre lang="en">{a.originalText}</pre>
          </figure>
        )}
      </div>
    </section>
  );
}

export function ImpactChecks({ detail }: { detail: Detail }) {
  const { t } = useTranslation('alerts');
  const { language } = useFormat();
  const kb = kbEntry(detail.alert.threatKind);
  return (
    <section className="card" aria-labelledby="affect" data-testid="impact-checks">
      <h2 id="affect">{t('detail.affect')}</h2>
      <p className="muted small">{t('detail.affectHelp')}</p>
      <ol className="impact-list">
        {kb.impactChecks.map((c, i) => (
          <li key={i}>{c[language]}</li>
        ))}
      </ol>
    </section>
  );
}

export function Checklist({
  detail,
  onTick,
}: {
  detail: Detail;
  onTick: (id: string, done: boolean) => void;
}) {
  const { t } = useTranslation('alerts');
  const { language, dateTime } = useFormat();
  const kb = kbEntry(detail.alert.threatKind);
  // Urgent actions first (the knowledge base's order within each group).
  const items = [...kb.recommendations].sort((x, y) => Number(y.urgent) - Number(x.urgent));
  const done = new Map(detail.checklist.map((c) => [c.recommendationId, c.doneAt]));
  return (
    <section className="card" aria-labelledby="todo" data-testid="checklist">
      <h2 id="todo">{t('detail.todo')}</h2>
      <p className="muted small" data-testid="checklist-progress">
        {t('detail.todoProgress', {
          done: items.filter((r) => done.has(r.id)).length,
          total: items.length,
        })}
      </p>
      <ul className="checklist">
        {items.map((r) => {
          const at = done.get(r.id);
          return (
            <li key={r.id} className={at !== undefined ? 'done' : undefined}>
              <label>
                <input
                  type="checkbox"
                  checked={at !== undefined}
                  data-testid={`rec-${r.id}`}
                  onChange={(e) => onTick(r.id, e.target.checked)}
                />
                <span>
                  {r.urgent && <span className="badge-urgent">{t('detail.urgent')}</span>}
                  {r[language]}
                  {at !== undefined && (
                    <span className="muted small">
                      {' '}
                      — {t('detail.doneAt', { time: dateTime(at) })}
                    </span>
                  )}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function AttackStage({ detail }: { detail: Detail }) {
  const { t } = useTranslation('alerts');
  const a = detail.alert;
  const kb = kbEntry(a.threatKind);
  const phase = a.killChain ?? kb.killChain;
  const index = KILL_CHAIN.indexOf(phase);
  const tactics: AttackTacticId[] = a.tactic ? [a.tactic] : kb.tactics;
  return (
    <section className="card" aria-labelledby="stage" data-testid="attack-stage">
      <h2 id="stage">{t('detail.stage')}</h2>
      <p className="muted small">
        {t('detail.stageHelp')} {a.killChain === null && t('detail.stageTypical')}
      </p>
      <ol className="stage-strip">
        {KILL_CHAIN.map((p, i) => (
          <li
            key={p}
            className={i < index ? 'passed' : i === index ? 'current' : undefined}
            aria-current={i === index ? 'step' : undefined}
          >
            {/* The strip's cells are narrow: a short name on screen (title: the full one), the
                full name for screen readers. */}
            <span className="stage-name" aria-hidden="true" title={t(`killChain.${p}`)}>
              {t(`killChainShort.${p}`)}
            </span>
            <span className="sr-only">{t(`killChain.${p}`)}</span>
            {i === index && <span className="sr-only"> ({t('detail.stageCurrent')})</span>}
            {i < index && <span className="sr-only"> ({t('detail.stagePassed')})</span>}
          </li>
        ))}
      </ol>
      <p className="tactics">
        <span className="muted">{t('detail.tactic')}</span>
        {tactics.map((id) => (
          <span key={id} className="chip tactic" title={ATTACK_TACTICS[id]}>
            <span className="mono">{id}</span> {t(`tactic.${id}`)}
          </span>
        ))}
      </p>
    </section>
  );
}

/** 002 別紙2 2(3): neither a UTM with URL filtering nor FW + Proxy at the gateway. */
export function PerimeterAdvice({ detail }: { detail: Detail }) {
  const { t } = useTranslation('alerts');
  const { language } = useFormat();
  if (!detail.customer.perimeterMissing || detail.alert.source !== 'cts') return null;
  const advice = kbPerimeterAdvice();
  return (
    <section
      className="notice notice-caution perimeter"
      aria-labelledby="perimeter"
      data-testid="perimeter"
    >
      <h2 id="perimeter">{advice.title[language]}</h2>
      <p>
        <strong>{t('detail.perimeterMissing')}</strong>
      </p>
      <p>{advice.text[language]}</p>
      <p className="muted small">{t('detail.perimeterCite')}</p>
    </section>
  );
}
