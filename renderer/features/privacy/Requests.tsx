import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useFormat } from '../../format';
import { useSession } from '../../stores/session';
import { usePrivacy, type Person } from './store';

/** A caller's deletion on request: search by name, phone or e-mail, then delete with confirmation. */
export function CallerErase() {
  const { t } = useTranslation('privacy');
  const { number } = useFormat();
  const id = useId();
  const [person, setPerson] = useState<Person>({ name: '', phone: '', email: '' });
  const [confirming, setConfirming] = useState(false);
  const { busy, matches, findCaller, eraseCaller } = usePrivacy();
  const empty = !person.name.trim() && !person.phone.trim() && !person.email.trim();
  const field = (key: keyof Person, type: string, autoComplete: string) => (
    <label>
      {t(`caller.${key}`)}
      <input
        type={type}
        inputMode={key === 'phone' ? 'tel' : undefined}
        autoComplete={autoComplete}
        maxLength={key === 'email' ? 254 : key === 'phone' ? 40 : 200}
        value={person[key]}
        onChange={(e) => {
          setPerson({ ...person, [key]: e.target.value });
          usePrivacy.setState({ matches: null });
        }}
        data-testid={`caller-${key}`}
      />
    </label>
  );
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!empty) void findCaller(person);
      }}
    >
      <h3 id={`${id}-title`}>{t('caller.title')}</h3>
      <p className="muted">{t('caller.help')}</p>
      <div className="form-row">
        {field('name', 'text', 'off')}
        {field('phone', 'text', 'off')}
        {field('email', 'email', 'off')}
        <button type="submit" className="button" disabled={busy || empty} data-testid="caller-find">
          {t('caller.find')}
        </button>
      </div>
      {matches && (
        <div className="privacy-preview" data-testid="caller-result" role="status">
          {matches.closed.length + matches.active.length === 0 ? (
            <p>{t('caller.none')}</p>
          ) : (
            <>
              {matches.closed.length > 0 && (
                <p>
                  {t('caller.found', { count: number(matches.closed.length) })}{' '}
                  <span className="mono small">{matches.closed.slice(0, 20).join(', ')}</span>
                </p>
              )}
              {matches.active.length > 0 && (
                <p className="muted">
                  {t('caller.active', { count: number(matches.active.length) })}{' '}
                  <span className="mono small">{matches.active.slice(0, 20).join(', ')}</span>
                </p>
              )}
              {matches.closed.length > 0 && (
                <button
                  type="button"
                  className="button button-danger"
                  disabled={busy}
                  onClick={() => setConfirming(true)}
                  data-testid="caller-erase"
                >
                  {t('caller.erase')}
                </button>
              )}
            </>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        danger
        title={t('caller.confirmTitle')}
        confirmLabel={t('inquiry.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void eraseCaller(person).then(() => setPerson({ name: '', phone: '', email: '' }));
        }}
      >
        <p>{t('caller.confirmBody', { count: number(matches?.closed.length ?? 0) })}</p>
      </ConfirmDialog>
    </form>
  );
}

/** Erasing a customer's registered contact (the parameter sheet's person), with confirmation. */
export function ContactErase() {
  const { t } = useTranslation('privacy');
  const { name } = useFormat();
  const id = useId();
  const customers = useSession((s) => s.customers);
  const [customerId, setCustomerId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { busy, eraseContact } = usePrivacy();
  const chosen = customers.find((c) => c.id === customerId) ?? customers[0];
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) setConfirming(true);
      }}
    >
      <h3 id={`${id}-title`}>{t('contact.title')}</h3>
      <p className="muted">{t('contact.help')}</p>
      <div className="form-row">
        <label>
          {t('contact.customer')}
          <select
            value={chosen?.id ?? ''}
            onChange={(e) => setCustomerId(e.target.value)}
            data-testid="contact-customer"
          >
            {customers.map((c) => (
              <option key={c.id} value={c.id}>
                {name(c)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="button button-danger"
          disabled={busy || !chosen}
          data-testid="contact-erase"
        >
          {t('contact.erase')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        danger
        title={t('contact.confirmTitle')}
        confirmLabel={t('inquiry.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          if (chosen) void eraseContact(chosen.id);
        }}
      >
        <p>{t('contact.confirmBody', { name: chosen ? name(chosen) : '' })}</p>
      </ConfirmDialog>
    </form>
  );
}
