import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RETENTION_MAX_MONTHS, RETENTION_MIN_MONTHS } from '../../../shared/ops/privacy';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useFormat } from '../../format';
import { usePrivacy } from './store';

const valid = (n: number) =>
  Number.isInteger(n) && n >= RETENTION_MIN_MONTHS && n <= RETENTION_MAX_MONTHS;

/**
 * The retention setting, what it reaches today, and "delete now" with a confirmation. Keyed by the
 * saved value by its parent, so the form starts again from what was saved.
 */
export function Retention() {
  const { t } = useTranslation('privacy');
  const { date, dateTime, number } = useFormat();
  const id = useId();
  const { settings, preview, busy, previewFor, save, purge } = usePrivacy();
  const saved = settings?.retentionMonths ?? null;
  const [enabled, setEnabled] = useState(saved !== null);
  const [months, setMonths] = useState(String(saved ?? 36));
  const [confirming, setConfirming] = useState(false);
  const n = Number(months);
  useEffect(() => {
    if (!enabled || !valid(n)) return;
    const timer = setTimeout(() => void previewFor(n), 250);
    return () => clearTimeout(timer);
  }, [enabled, n, previewFor]);
  const unchanged = enabled ? saved === n : saved === null;
  const shown = enabled && preview && preview.months === n ? preview : null;
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!enabled) void save(null);
        else if (valid(n)) void save(n);
      }}
    >
      <h3 id={`${id}-title`}>{t('retention.title')}</h3>
      <p className="muted" data-testid="retention-state">
        {saved === null ? t('retention.off') : t('retention.current', { months: saved })}
        {settings?.lastPurgeAt &&
          ` ${t('retention.lastRun', {
            at: dateTime(settings.lastPurgeAt),
            count: number(settings.lastPurgeCount ?? 0),
          })}`}
      </p>
      <label className="privacy-check">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          data-testid="retention-enabled"
        />
        {t('retention.enabled')}
      </label>
      <div className="form-row">
        <label>
          {t('retention.months')}
          <input
            type="number"
            min={RETENTION_MIN_MONTHS}
            max={RETENTION_MAX_MONTHS}
            step={1}
            value={months}
            disabled={!enabled}
            aria-invalid={enabled && !valid(n)}
            aria-describedby={`${id}-help`}
            onChange={(e) => setMonths(e.target.value)}
            data-testid="retention-months"
          />
        </label>
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || unchanged || (enabled && !valid(n))}
          data-testid="retention-save"
        >
          {t('retention.save')}
        </button>
      </div>
      <p className="muted small" id={`${id}-help`}>
        {t('retention.monthsHelp')} {t('retention.daily')}
      </p>
      {shown && (
        <div className="privacy-preview" data-testid="retention-preview">
          <p role="status">
            {shown.inquiries > 0
              ? t('retention.preview', {
                  count: number(shown.inquiries),
                  day: date(shown.closedOnOrBefore),
                })
              : t('retention.previewNone', { day: date(shown.closedOnOrBefore) })}
          </p>
          {saved === n && shown.inquiries > 0 && (
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => setConfirming(true)}
              data-testid="retention-run"
            >
              {t('retention.runNow')}
            </button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        danger
        title={t('retention.confirmTitle')}
        confirmLabel={t('retention.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void purge();
        }}
      >
        <p>
          {t('retention.confirmBody', {
            count: number(shown?.inquiries ?? 0),
            day: shown ? date(shown.closedOnOrBefore) : '',
          })}
        </p>
      </ConfirmDialog>
    </form>
  );
}
