import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIL_SECURITY, type MailSettings } from '../../../shared/ops/desk';
import type { ApiError } from '../../../shared/result';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../api';
import { useSession } from '../../stores/session';
import '../../styles/desk.css';

/**
 * Mail for the desk: the SMTP server that sends escalation packages to the second-line window
 * (and a customer's prepared sheet to its partner). The password is kept by the main process,
 * sealed with the OS keychain; this screen only learns whether one is set.
 */
function MailSettingsForm() {
  const { t } = useTranslation('desk');
  const profile = useSession((s) => s.profile);
  const [s, setS] = useState<MailSettings | null>(null);
  const [password, setPassword] = useState('');
  const [changePassword, setChangePassword] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const id = useId();
  useEffect(() => {
    if (!profile) return;
    void call('desk.mailSettings', {}).then((r) => (r.ok ? setS(r.value) : setError(r.error)));
  }, [profile]);
  if (!s) return error ? <ErrorNotice error={error} /> : null;
  const set = <K extends keyof MailSettings>(k: K, v: MailSettings[K]) => {
    setSaved(false);
    setS({ ...s, [k]: v });
  };
  const save = async (clear = false) => {
    setError(null);
    const r = await call('desk.saveMailSettings', {
      host: s.host,
      port: s.port,
      security: s.security,
      user: s.user,
      from: s.from,
      secondLineTo: s.secondLineTo,
      ...(clear ? { password: null } : changePassword ? { password } : {}),
    });
    if (!r.ok) return setError(r.error);
    setS(r.value);
    setPassword('');
    setChangePassword(false);
    setSaved(true);
  };
  const text = (key: 'host' | 'user' | 'from' | 'secondLineTo', type = 'text') => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`mail.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        autoComplete="off"
        data-testid={`mail-${key}`}
        value={s[key]}
        onChange={(e) => set(key, e.target.value)}
      />
    </div>
  );
  return (
    <form
      className="desk desk-mail-settings"
      data-testid="mail-settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="muted small">{t('mail.lead')}</p>
      <div className="desk-mail-grid">
        {text('host')}
        <div className="field">
          <label htmlFor={`${id}-port`}>{t('mail.port')}</label>
          <input
            id={`${id}-port`}
            type="number"
            min={1}
            max={65535}
            data-testid="mail-port"
            value={s.port}
            onChange={(e) => set('port', Number(e.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sec`}>{t('mail.security')}</label>
          <select
            id={`${id}-sec`}
            data-testid="mail-security"
            value={s.security}
            onChange={(e) => set('security', e.target.value as MailSettings['security'])}
          >
            {MAIL_SECURITY.map((m) => (
              <option key={m} value={m}>
                {t(`mail.securityOption.${m}`)}
              </option>
            ))}
          </select>
        </div>
        {text('user')}
        <div className="field">
          <label htmlFor={`${id}-pw`}>{t('mail.password')}</label>
          {changePassword || !s.passwordSet ? (
            <input
              id={`${id}-pw`}
              type="password"
              autoComplete="new-password"
              data-testid="mail-password"
              value={password}
              onChange={(e) => {
                setChangePassword(true);
                setPassword(e.target.value);
              }}
            />
          ) : (
            <p id={`${id}-pw`} className="desk-password-set">
              <span data-testid="password-set">{t('mail.passwordSet')}</span>{' '}
              <button type="button" className="button" onClick={() => setChangePassword(true)}>
                {t('mail.changePassword')}
              </button>{' '}
              <button type="button" className="button button-quiet" onClick={() => void save(true)}>
                {t('mail.clearPassword')}
              </button>
            </p>
          )}
        </div>
        {text('from', 'email')}
        {profile?.kind === 'partner' ? (
          text('secondLineTo', 'email')
        ) : (
          <div className="field">
            <span className="label">{t('mail.partnerDesk')}</span>
            <p className="mono">{s.partnerDeskEmail ?? '—'}</p>
          </div>
        )}
      </div>
      <button type="submit" className="button button-primary" data-testid="mail-save">
        {t('common.save')}
      </button>
      {saved && (
        <span className="muted small" role="status">
          {' '}
          {t('mail.saved')}
        </span>
      )}
      {error && <ErrorNotice error={error} />}
    </form>
  );
}

export const settingsSection = {
  id: 'desk-mail',
  order: 60,
  titleKey: 'desk:mail.title',
  element: <MailSettingsForm />,
};
