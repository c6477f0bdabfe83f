import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  splitHosts,
  type AnswerValue,
  type Question,
  type SheetIssue,
} from '../../../shared/hearing-sheet';
import { fromInputValue, loc, toInputValue } from './text';

interface Props {
  question: Question;
  value: AnswerValue | undefined;
  issue: SheetIssue | undefined;
  disabled: boolean;
  onChange: (value: AnswerValue | null) => void;
  onBlur: () => void;
}

/** One question of the sheet, as the native control its kind calls for (keyboard first). */
export function QuestionField({ question: q, value, issue, disabled, onChange, onBlur }: Props) {
  const { t, i18n } = useTranslation('desk');
  const lang = i18n.language;
  const id = `q-${q.id}`;
  const helpId = q.help ? `${id}-help` : undefined;
  const errId = issue ? `${id}-err` : undefined;
  const describedBy = [helpId, errId].filter(Boolean).join(' ') || undefined;
  const str = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? value : [];
  const label = (
    <>
      {loc(q.label, lang)}
      {q.required && <span className="desk-req">{t('sheet.required')}</span>}
    </>
  );
  const help = q.help && (
    <p id={helpId} className="muted small field-help">
      {loc(q.help, lang)}
    </p>
  );
  const error = issue && (
    <p id={errId} className="field-error" role="alert">
      {t(`sheet.issue.${issue.code}`, { ...(issue.params ?? {}) })}
    </p>
  );
  const common = {
    'aria-describedby': describedBy,
    'aria-invalid': issue ? true : undefined,
    'aria-required': q.required || undefined,
    disabled,
    onBlur,
    'data-testid': `q-${q.id}`,
  };

  if (q.kind === 'choice' || q.kind === 'multi' || q.kind === 'yesno') {
    const options =
      q.kind === 'yesno'
        ? (['yes', 'no', ...(q.allowUnknown ? ['unknown'] : [])] as string[]).map((v) => ({
            value: v,
            text: t(`sheet.yesno.${v as 'yes'}`),
          }))
        : q.options.map((o) => ({ value: o.value, text: loc(o.label, lang) }));
    const multi = q.kind === 'multi';
    return (
      <fieldset
        className="field question"
        id={id}
        aria-describedby={describedBy}
        data-question={q.id}
      >
        <legend>{label}</legend>
        {help}
        <div className={`desk-choices ${options.length > 4 ? 'desk-choices-grid' : ''}`}>
          {options.map((o) => (
            <label key={o.value} className="desk-choice">
              <input
                type={multi ? 'checkbox' : 'radio'}
                name={id}
                value={o.value}
                checked={multi ? list.includes(o.value) : str === o.value}
                disabled={disabled}
                onBlur={onBlur}
                data-testid={`q-${q.id}-${o.value}`}
                onChange={(e) => {
                  if (!multi) return onChange(o.value);
                  const next = e.target.checked
                    ? [...list, o.value]
                    : list.filter((v) => v !== o.value);
                  onChange(next.length ? next : null);
                }}
              />
              {o.text}
            </label>
          ))}
          {!multi && str && !q.required && !disabled && (
            <button
              type="button"
              className="button button-quiet small"
              onClick={() => onChange(null)}
            >
              {t('sheet.clear')}
            </button>
          )}
        </div>
        {error}
      </fieldset>
    );
  }

  return (
    <div className="field question" data-question={q.id}>
      <label htmlFor={id}>{label}</label>
      {help}
      {q.kind === 'text' &&
        (q.multiline ? (
          <textarea
            id={id}
            rows={3}
            maxLength={q.maxLength}
            value={str}
            onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
            {...common}
          />
        ) : (
          <input
            id={id}
            type="text"
            maxLength={q.maxLength}
            value={str}
            onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
            {...common}
          />
        ))}
      {q.kind === 'datetime' && (
        <input
          id={id}
          type="datetime-local"
          value={toInputValue(str)}
          onChange={(e) => onChange(e.target.value ? fromInputValue(e.target.value) : null)}
          {...common}
        />
      )}
      {q.kind === 'hosts' && (
        <HostsInput id={id} value={list} onChange={onChange} common={common} />
      )}
      {error}
    </div>
  );
}

/** A host/IP list typed one per line (commas and spaces also separate); the text is kept as typed. */
function HostsInput({
  id,
  value,
  onChange,
  common,
}: {
  id: string;
  value: string[];
  onChange: (v: AnswerValue | null) => void;
  common: Record<string, unknown>;
}) {
  const joined = value.join('\n');
  const [text, setText] = useState(joined);
  const [synced, setSynced] = useState(joined);
  // Follow changes made elsewhere (a prefill after linking alerts), not the user's own typing.
  if (joined !== synced) {
    setSynced(joined);
    if (splitHosts(text).join('\n') !== joined) setText(joined);
  }
  return (
    <textarea
      id={id}
      rows={Math.min(8, Math.max(2, value.length + 1))}
      className="mono"
      spellCheck={false}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const hosts = splitHosts(e.target.value);
        onChange(hosts.length ? hosts : null);
      }}
      {...common}
    />
  );
}
