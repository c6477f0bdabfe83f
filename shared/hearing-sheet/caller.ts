/**
 * The caller check of the first-line window: only the customer's service contact registered on the
 * parameter sheet may be served, after checking who the company and the person are (002 別紙3 2(3);
 * 第5条1). A call from anyone else may be refused ("受付及び回答ができない場合がある"), so a
 * mismatch is not an automatic refusal: the desk decides and the decision is recorded.
 *
 * The comparison forgives how people write the same thing: full- and half-width characters,
 * spaces, hyphens and brackets in phone numbers, +81 for the leading 0, hiragana for katakana
 * (the sheet keeps the name's reading in katakana), letter case in e-mail addresses.
 */

export type FieldCheck = 'match' | 'mismatch' | 'missing';

export interface CallerCheck {
  /** Name and at least one of phone or e-mail match the registered contact. */
  result: 'match' | 'mismatch';
  name: FieldCheck;
  phone: FieldCheck;
  email: FieldCheck;
}

export interface CallerInput {
  name: string;
  phone: string;
  email: string;
}

export interface RegisteredContact {
  name: string;
  nameKana: string;
  phone: string;
  email: string;
}

/** Katakana for hiragana, so a reading typed either way compares equal. */
function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

export function normalizeName(s: string): string {
  return toKatakana(s.normalize('NFKC'))
    .replace(/[\s・･.]/g, '')
    .toLowerCase();
}

export function normalizePhone(s: string): string {
  const t = s.normalize('NFKC').trim();
  const digits = t.replace(/\D/g, '');
  // +81 3-5550-0141 is 03-5550-0141 dialled from abroad.
  return t.startsWith('+81') ? `0${digits.slice(2)}` : digits;
}

export function normalizeEmail(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

function field(given: string, norm: (s: string) => string, ...registered: string[]): FieldCheck {
  const g = norm(given);
  if (g === '') return 'missing';
  return registered.some((r) => norm(r) !== '' && norm(r) === g) ? 'match' : 'mismatch';
}

export function checkCaller(caller: CallerInput, contact: RegisteredContact): CallerCheck {
  const name = field(caller.name, normalizeName, contact.name, contact.nameKana);
  const phone = field(caller.phone, normalizePhone, contact.phone);
  const email = field(caller.email, normalizeEmail, contact.email);
  const result =
    name === 'match' && (phone === 'match' || email === 'match') ? 'match' : 'mismatch';
  return { result, name, phone, email };
}

/**
 * What the desk decided. A verified caller is served; after a mismatch the desk either refuses,
 * confirms with the registered contact by calling back the registered number, or serves the caller
 * for a recorded reason (e.g. the contact asked a colleague to call).
 */
export const CALLER_DECISIONS = [
  'served',
  'callback-confirmed',
  'served-with-reason',
  'refused',
] as const;
export type CallerDecision = (typeof CALLER_DECISIONS)[number];
