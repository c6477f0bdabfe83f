import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';

/** First run (and "switch profile"): who is using SOC Desk — a customer, or a sales partner. */
export function ProfileChooser() {
  const { t } = useTranslation('profile');
  const { name } = useFormat();
  const options = useSession((s) => s.options);
  const demo = useSession((s) => s.info?.demo ?? false);
  const error = useSession((s) => s.error);
  const loadOptions = useSession((s) => s.loadOptions);
  const chooseProfile = useSession((s) => s.chooseProfile);
  useEffect(() => {
    void loadOptions();
  }, [loadOptions]);

  return (
    <main className="chooser" id="main">
      <div className="chooser-head">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
        <LanguageSwitch />
      </div>
      {error && <ErrorNotice error={error} onRetry={() => void loadOptions()} />}
      {!options ? (
        <Loading />
      ) : (
        <div className="chooser-columns">
          <section aria-labelledby="choose-partner">
            <h2 id="choose-partner">{t('partnerHeading')}</h2>
            <p className="muted">{t('partnerHelp')}</p>
            <ul className="choice-list">
              {options.partners.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="choice"
                    data-testid={`profile-${p.id}`}
                    onClick={() => void chooseProfile('partner', p.id)}
                  >
                    <span className="choice-name">{name(p)}</span>
                    <span className="muted">{t('customerCount', { count: p.customerCount })}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="choose-customer">
            <h2 id="choose-customer">{t('customerHeading')}</h2>
            <p className="muted">{t('customerHelp')}</p>
            <ul className="choice-list">
              {options.customers.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="choice"
                    data-testid={`profile-${c.id}`}
                    onClick={() => void chooseProfile('customer', c.id)}
                  >
                    <span className="choice-name">{name(c)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
      {demo && <p className="muted small">{t('demoNote')}</p>}
    </main>
  );
}
