import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { CallerErase, ContactErase } from './Requests';
import { Retention } from './Retention';
import { usePrivacy } from './store';
import '../../styles/privacy.css';

/** Settings → personal data (docs/privacy.md): retention and deletion on request. */
function PrivacySettings() {
  const { t } = useTranslation('privacy');
  const { number } = useFormat();
  const profile = useSession((s) => s.profile);
  const { settings, error, notice, load } = usePrivacy();
  useEffect(() => {
    if (profile) void load();
  }, [profile, load]);
  if (!settings) return error ? <ErrorNotice error={error} /> : null;
  return (
    <div className="privacy-settings" data-testid="privacy-settings">
      <p className="muted">{settings.manageable ? t('lead') : t('customerLead')}</p>
      {error && <ErrorNotice error={error} />}
      {notice && (
        <div className="notice notice-ok" role="status" data-testid="privacy-notice">
          {notice.kind === 'saved'
            ? t('retention.saved')
            : notice.kind === 'purged'
              ? t('retention.done', { count: number(notice.count) })
              : notice.kind === 'callerErased'
                ? t('caller.done', { count: number(notice.count) })
                : t('contact.done')}
        </div>
      )}
      {settings.manageable && (
        <>
          <Retention key={settings.retentionMonths ?? 'off'} />
          <CallerErase />
          <ContactErase />
        </>
      )}
    </div>
  );
}

export const settingsSection = {
  id: 'privacy',
  order: 85,
  titleKey: 'privacy:title',
  element: <PrivacySettings />,
};
