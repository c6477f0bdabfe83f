import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { useSystem } from './store';

function Backup() {
  const { t } = useTranslation('system');
  const id = useId();
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const { busy, backup } = useSystem();
  const mismatch = again.length > 0 && pass !== again;
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (pass === again) void backup(pass).then(() => (setPass(''), setAgain('')));
      }}
    >
      <h3 id={`${id}-title`}>{t('backup.title')}</h3>
      <p className="muted">{t('backup.help')}</p>
      <div className="form-row">
        <label>
          {t('backup.passphrase')}
          <input
            type="password"
            autoComplete="new-password"
            minLength={12}
            maxLength={256}
            value={pass}
            onChange={(e) => setPass(e.target.value)}
            data-testid="backup-passphrase"
          />
        </label>
        <label>
          {t('backup.confirm')}
          <input
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            aria-invalid={mismatch}
            data-testid="backup-confirm"
          />
        </label>
        <button
          type="submit"
          className="button button-primary"
          disabled={busy !== null || pass.length < 12 || pass !== again}
        >
          {t('backup.create')}
        </button>
      </div>
      {mismatch && <p className="muted">{t('backup.mismatch')}</p>}
    </form>
  );
}

function Restore() {
  const { t } = useTranslation('system');
  const id = useId();
  const [pass, setPass] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { busy, restoreFile, chooseRestoreFile, restore } = useSystem();
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        setConfirming(true);
      }}
    >
      <h3 id={`${id}-title`}>{t('restore.title')}</h3>
      <p className="muted">{t('restore.help')}</p>
      <div className="form-row">
        <button
          type="button"
          className="button"
          onClick={() => void chooseRestoreFile()}
          disabled={busy !== null}
        >
          {t('restore.choose')}
        </button>
        {restoreFile && (
          <span data-testid="restore-file">{t('restore.chosen', { name: restoreFile.name })}</span>
        )}
      </div>
      <div className="form-row">
        <label>
          {t('restore.passphrase')}
          <input
            type="password"
            autoComplete="current-password"
            value={pass}
            onChange={(e) => setPass(e.target.value)}
            data-testid="restore-passphrase"
          />
        </label>
        <button
          type="submit"
          className="button button-danger"
          disabled={busy !== null || !restoreFile || pass.length < 12}
        >
          {t('restore.run')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        danger
        title={t('restore.confirmTitle')}
        confirmLabel={t('restore.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void restore(pass).then(() => setPass(''));
        }}
      >
        <p>{t('restore.confirmBody')}</p>
      </ConfirmDialog>
    </form>
  );
}

function ExportCustomer() {
  const { t } = useTranslation('system');
  const { name } = useFormat();
  const id = useId();
  const customers = useSession((s) => s.customers);
  const [customerId, setCustomerId] = useState('');
  const { busy, exportCustomer } = useSystem();
  const chosen = customerId || customers[0]?.id || '';
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) void exportCustomer(chosen);
      }}
    >
      <h3 id={`${id}-title`}>{t('export.title')}</h3>
      <p className="muted">{t('export.help')}</p>
      <div className="form-row">
        <label>
          {t('export.customer')}
          <select value={chosen} onChange={(e) => setCustomerId(e.target.value)}>
            {customers.map((c) => (
              <option key={c.id} value={c.id}>
                {name(c)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={busy !== null || !chosen}>
          {t('export.run')}
        </button>
      </div>
    </form>
  );
}

/** Settings → data safety: backup, restore, a customer's data export. */
export function DataSafety() {
  const { t } = useTranslation('system');
  const { error, notice } = useSystem();
  return (
    <div className="data-safety">
      {error && <ErrorNotice error={error} />}
      {notice && (
        <div className="notice notice-ok" role="status" data-testid="system-notice">
          {notice.kind === 'restore'
            ? t('restore.done', {
                customers: notice.result.customers,
                version: notice.result.storeVersion,
              })
            : t(
                notice.kind === 'backup'
                  ? 'backup.done'
                  : notice.kind === 'export'
                    ? 'export.done'
                    : 'backup.notSaved',
              )}
        </div>
      )}
      <Backup />
      <Restore />
      <ExportCustomer />
    </div>
  );
}
