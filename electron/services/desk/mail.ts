/**
 * E-mail for the desk: the escalation package to the second-line window and a customer's prepared
 * sheet to its partner's desk, through the SMTP server in settings (nodemailer). The password is
 * sealed with the OS keychain (secrets.ts) and never leaves the main process. Failures come back
 * as typed, translated errors that say what to check; nothing about the message is logged.
 */
import nodemailer from 'nodemailer';
import type { MailSettings } from '../../../shared/ops/desk';
import { fail } from '../../../shared/result';
import { getSetting, setSetting } from '../../store/database';
import type { ServiceContext } from '../context';
import { getSecret, setSecret } from '../secrets';
import { customerRecord } from './records';
import { profileSide } from './repo';
import { scopeCustomers } from '../scope';

const SETTINGS_KEY = 'desk.mail';
const PASSWORD = 'smtp.password';

type Stored = Omit<MailSettings, 'passwordSet' | 'partnerDeskEmail'>;

const DEFAULTS: Stored = {
  host: '',
  port: 587,
  security: 'starttls',
  user: '',
  from: '',
  secondLineTo: '',
};

function stored(ctx: ServiceContext): Stored {
  const raw = getSetting(ctx.db, SETTINGS_KEY);
  return raw ? { ...DEFAULTS, ...(JSON.parse(raw) as Partial<Stored>) } : DEFAULTS;
}

export function mailSettings(ctx: ServiceContext): MailSettings {
  const side = profileSide(ctx);
  const [own] = side === 'customer' ? scopeCustomers(ctx) : [];
  return {
    ...stored(ctx),
    passwordSet: getSecret(ctx, PASSWORD) !== null,
    partnerDeskEmail: own ? customerRecord(ctx, own).partner.deskEmail : null,
  };
}

export function saveMailSettings(
  ctx: ServiceContext,
  input: Stored & { password?: string | null },
): MailSettings {
  const { password, ...rest } = input;
  ctx.db.transaction(() => {
    setSetting(ctx.db, SETTINGS_KEY, JSON.stringify({ ...rest, host: rest.host.trim() }));
    if (password !== undefined) setSecret(ctx, PASSWORD, password === '' ? null : password);
  })();
  return mailSettings(ctx);
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments: Array<{ filename: string; content: Buffer | string; contentType: string }>;
}

/** Why a send failed, as the translation key the user reads (desk:mail.error.*). */
export function mailErrorKey(e: unknown): string {
  const code = (e as { code?: string; responseCode?: number }).code ?? '';
  const response = (e as { responseCode?: number }).responseCode ?? 0;
  if (code === 'EAUTH' || response === 535) return 'desk:mail.error.auth';
  if (code === 'EENVELOPE' || (response >= 550 && response < 560))
    return 'desk:mail.error.recipient';
  if (code === 'ETLS' || /TLS|SSL|certificate/i.test(String((e as Error).message ?? '')))
    return 'desk:mail.error.tls';
  if (['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED'].includes(code))
    return 'desk:mail.error.connection';
  if (response >= 400) return 'desk:mail.error.rejected';
  return 'desk:mail.error.other';
}

/**
 * Sends one message, or throws `unavailable` with the reason's key (settings missing, server
 * unreachable, login refused…). The caller records the attempt either way.
 */
export async function sendMail(
  ctx: ServiceContext,
  mail: OutgoingMail,
): Promise<{ messageId: string }> {
  const s = stored(ctx);
  if (!s.host || !s.from) fail('unavailable', { message: 'desk:mail.error.notConfigured' });
  const password = getSecret(ctx, PASSWORD);
  const transport = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    auth: s.user ? { user: s.user, pass: password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    tls: { minVersion: 'TLSv1.2' },
    logger: false,
    debug: false,
  });
  try {
    const info = await transport.sendMail({
      from: s.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      attachments: mail.attachments,
    });
    return { messageId: String(info.messageId ?? '') };
  } catch (e) {
    fail('unavailable', { message: mailErrorKey(e) });
  } finally {
    transport.close();
  }
}

/** The second-line window's address from settings, or a typed error saying it is missing. */
export function secondLineAddress(ctx: ServiceContext): string {
  const s = stored(ctx);
  if (!s.host || !s.from) fail('unavailable', { message: 'desk:mail.error.notConfigured' });
  const to = s.secondLineTo;
  if (!to) fail('unavailable', { message: 'desk:mail.error.noSecondLine' });
  return to;
}
