import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALERT_STATUSES,
  CSOC_MODULES,
  SEVERITIES,
  THREAT_CLASSES,
  THREAT_KINDS,
  classOfKind,
} from '../../../shared/catalog';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { kindLabel } from './labels';
import type { QueueView, ViewChange } from './url';

interface Props {
  view: QueueView;
  onChange: (change: ViewChange) => void;
  onClear: () => void;
}

/** A text box that changes the view when typing pauses (search) or on Enter / leaving (host). */
function useDraft(value: string, commit: (v: string) => void, delayMs: number | null) {
  const [draft, setDraft] = useState(value);
  // The URL changed from elsewhere (back button, a link): show its value.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  const latest = useRef(commit);
  useEffect(() => {
    latest.current = commit;
  });
  useEffect(() => {
    if (delayMs === null || draft === value) return;
    const timer = setTimeout(() => latest.current(draft), delayMs);
    return () => clearTimeout(timer);
  }, [draft, value, delayMs]);
  return [draft, setDraft] as const;
}

/** The queue's filters; every change goes to the URL (the view is the URL). */
export function FilterBar({ view, onChange, onClear }: Props) {
  const { t } = useTranslation(['alerts', 'catalog']);
  const { name, language } = useFormat();
  const profile = useSession((s) => s.profile);
  const customers = useSession((s) => s.customers);
  const ids = {
    q: useId(),
    help: useId(),
    customer: useId(),
    status: useId(),
    cls: useId(),
    kind: useId(),
    module: useId(),
    host: useId(),
    from: useId(),
    to: useId(),
    sort: useId(),
  };
  const f = view.filter;
  const [q, setQ] = useDraft(f.q ?? '', (v) => onChange({ q: v }), 350);
  const [host, setHost] = useDraft(f.host ?? '', () => undefined, null);
  const severities = f.severities ?? [];
  const statusValue =
    view.statusMode === 'list' && f.statuses?.length === 1 ? f.statuses[0]! : view.statusMode;
  const source = f.sources?.length === 1 ? f.sources[0]! : '';
  const kinds = THREAT_KINDS.filter(
    (k) => !f.classes?.length || f.classes.includes(classOfKind(k)),
  );

  return (
    <form
      className="alert-filters card"
      aria-label={t('filters.label')}
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ q, host });
      }}
    >
      <div className="filter-row">
        <div className="filter-field filter-search">
          <label htmlFor={ids.q}>{t('filters.search')}</label>
          <input
            id={ids.q}
            type="search"
            value={q}
            maxLength={200}
            placeholder={t('filters.searchPlaceholder')}
            aria-describedby={ids.help}
            data-testid="alert-search"
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        {profile?.kind === 'partner' && (
          <div className="filter-field">
            <label htmlFor={ids.customer}>{t('filters.customer')}</label>
            <select
              id={ids.customer}
              value={f.customerId ?? ''}
              data-testid="filter-customer"
              onChange={(e) => onChange({ customer: e.target.value || null })}
            >
              <option value="">{t('filters.allCustomers')}</option>
              {customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {name(c)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="filter-field">
          <label htmlFor={ids.status}>{t('filters.status')}</label>
          <select
            id={ids.status}
            value={statusValue}
            data-testid="filter-status"
            onChange={(e) => {
              const v = e.target.value;
              onChange({ status: v === 'open' || v === 'all' ? v : [v] });
            }}
          >
            <option value="open">{t('filters.statusOpen')}</option>
            <option value="all">{t('filters.statusAll')}</option>
            {ALERT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`catalog:status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={ids.sort}>{t('filters.sort')}</label>
          <select
            id={ids.sort}
            value={view.sort}
            disabled={Boolean(f.q)}
            data-testid="filter-sort"
            onChange={(e) => onChange({ sort: e.target.value as QueueView['sort'] })}
          >
            <option value="newest">{t('filters.sortNewest')}</option>
            <option value="oldest">{t('filters.sortOldest')}</option>
            <option value="severity">{t('filters.sortSeverity')}</option>
          </select>
        </div>
      </div>
      <p id={ids.help} className="muted small filter-help">
        {t('filters.searchHelp')} {f.q ? t('filters.searchOrder') : ''}
      </p>
      <div className="filter-row">
        <fieldset className="filter-field">
          <legend>{t('filters.severity')}</legend>
          <div className="chip-toggles">
            {SEVERITIES.map((s) => {
              const on = severities.includes(s);
              return (
                <button
                  key={s}
                  type="button"
                  className={`chip sev-${s}${on ? ' chip-on' : ''}`}
                  aria-pressed={on}
                  data-testid={`filter-severity-${s}`}
                  onClick={() =>
                    onChange({
                      severity: on ? severities.filter((x) => x !== s) : [...severities, s],
                    })
                  }
                >
                  {t(`catalog:severity.${s}`)}
                </button>
              );
            })}
          </div>
        </fieldset>
        <fieldset className="filter-field">
          <legend>{t('filters.source')}</legend>
          <div className="segmented">
            {(['', 'cts', 'csoc'] as const).map((s) => (
              <button
                key={s || 'all'}
                type="button"
                aria-pressed={source === s}
                data-testid={`filter-source-${s || 'all'}`}
                onClick={() =>
                  onChange({ source: s ? [s] : [], ...(s === 'cts' ? { module: [] } : {}) })
                }
              >
                {s ? t(`catalog:sourceShort.${s}`) : t('filters.allSources')}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="filter-field">
          <label htmlFor={ids.cls}>{t('filters.threatClass')}</label>
          <select
            id={ids.cls}
            value={f.classes?.[0] ?? ''}
            data-testid="filter-class"
            onChange={(e) => onChange({ class: e.target.value ? [e.target.value] : [], kind: [] })}
          >
            <option value="">{t('filters.allClasses')}</option>
            {THREAT_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t(`catalog:threatClass.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={ids.kind}>{t('filters.kind')}</label>
          <select
            id={ids.kind}
            value={f.kinds?.[0] ?? ''}
            data-testid="filter-kind"
            onChange={(e) => onChange({ kind: e.target.value ? [e.target.value] : [] })}
          >
            <option value="">{t('filters.allKinds')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k, language)}
              </option>
            ))}
          </select>
        </div>
        {source !== 'cts' && (
          <div className="filter-field">
            <label htmlFor={ids.module}>{t('filters.module')}</label>
            <select
              id={ids.module}
              value={f.modules?.[0] ?? ''}
              data-testid="filter-module"
              onChange={(e) => onChange({ module: e.target.value ? [e.target.value] : [] })}
            >
              <option value="">{t('filters.allModules')}</option>
              {CSOC_MODULES.map((m) => (
                <option key={m} value={m}>
                  {t(`module.${m}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="filter-row">
        <div className="filter-field">
          <label htmlFor={ids.host}>{t('filters.host')}</label>
          <input
            id={ids.host}
            type="text"
            value={host}
            maxLength={255}
            placeholder={t('filters.hostPlaceholder')}
            data-testid="filter-host"
            onChange={(e) => setHost(e.target.value)}
            onBlur={() => host !== (f.host ?? '') && onChange({ host })}
          />
        </div>
        <div className="filter-field">
          <label htmlFor={ids.from}>{t('filters.from')}</label>
          <input
            id={ids.from}
            type="date"
            value={f.from ?? ''}
            data-testid="filter-from"
            onChange={(e) => onChange({ from: e.target.value })}
          />
        </div>
        <div className="filter-field">
          <label htmlFor={ids.to}>{t('filters.to')}</label>
          <input
            id={ids.to}
            type="date"
            value={f.to ?? ''}
            data-testid="filter-to"
            onChange={(e) => onChange({ to: e.target.value })}
          />
        </div>
        <div className="filter-actions">
          <button
            type="button"
            className="button button-quiet"
            onClick={onClear}
            data-testid="filter-clear"
          >
            {t('filters.clear')}
          </button>
        </div>
      </div>
    </form>
  );
}
