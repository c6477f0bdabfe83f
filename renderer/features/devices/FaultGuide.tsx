import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '../../../shared/catalog';
import { FAULT_GUIDES, guideOf } from '../../../shared/device-guide';

/** The fault-handling steps of the terms for this kind of device, with actor and article. */
export function FaultGuide({ kind }: { kind: DeviceKind }) {
  const { t } = useTranslation('devices');
  const guide = guideOf(kind);
  // Step texts are keyed by guide and step; the set is fixed in shared/device-guide.ts.
  const tx = t as unknown as (key: string) => string;
  return (
    <section
      className="card fault-guide"
      aria-labelledby="fault-guide-title"
      data-testid="fault-guide"
    >
      <h2 id="fault-guide-title">{t('guide.title')}</h2>
      <p className="muted small">{t('guide.intro')}</p>
      <ol className="steps">
        {FAULT_GUIDES[guide].map((step) => (
          <li key={step.key} data-actor={step.actor}>
            <span className={`chip actor actor-${step.actor}`}>
              {t(`guide.actor.${step.actor}`)}
            </span>
            <span className="step-text">{tx(`guide.${guide}.${step.key}`)}</span>
            <span className="cite small">{step.article ?? t('guide.advice')}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
