import { writeFileSync } from 'node:fs';
import type { InputOf, OperationName, ResultOf } from '../../../shared/api';
import type { Answers } from '../../../shared/hearing-sheet';
import type { ApiError, Result } from '../../../shared/result';
import type { testApp } from '../helpers';

export type App = ReturnType<typeof testApp>;

/** Calls an operation through validation, as the hosts do; throws on a failed result. */
export async function call<K extends OperationName>(
  app: App,
  name: K,
  input: InputOf<K>,
): Promise<ResultOf<K>> {
  const r = (await app.dispatch(name, input)) as Result<ResultOf<K>>;
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** The error of an operation that must fail. */
export async function refusal<K extends OperationName>(
  app: App,
  name: K,
  input: InputOf<K> | Record<string, unknown>,
): Promise<ApiError> {
  const r = await app.dispatch(name, input);
  if (r.ok) throw new Error(`${name} succeeded: ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

export async function asPartner(app: App, id = 'p-minato'): Promise<void> {
  await call(app, 'session.setProfile', { kind: 'partner', id });
}

export async function asCustomer(app: App, id = 'c-sakuragawa'): Promise<void> {
  await call(app, 'session.setProfile', { kind: 'customer', id });
}

/** A file in the app's registry, as an upload or the open dialog would give. */
export function fileRef(app: App, name: string, text: string | Buffer): string {
  const out = app.ctx.files.createOutput(name, null);
  writeFileSync(out.path, text);
  return out.commit().fileId;
}

/** The newest alert of a customer. */
export function latestAlert(
  app: App,
  customerId = 'c-sakuragawa',
): { id: number; source_id: string } {
  return app.db
    .prepare(
      "SELECT id, source_id FROM alerts WHERE customer_id = ? AND threat_kind = 'c2' ORDER BY detected_at DESC LIMIT 1",
    )
    .get(customerId) as { id: number; source_id: string };
}

/** The rest of the shipped sheet's required answers, as the desk would type them. */
export const REQUIRED_REST: Answers = {
  'inquiry-type': ['impact', 'recommendations'],
  question: '自社に影響があるか、何をすればよいか知りたい。',
  'what-seen': 'CTS ポータルで C&C 通信の通知を確認しました。',
  urgency: 'single-device',
  'fw-proxy': 'no',
};

/** A partner inquiry about the latest C&C alert, caller verified, sheet complete. */
export async function readyInquiry(app: App): Promise<string> {
  await asPartner(app);
  const alert = latestAlert(app);
  const { inquiryId } = await call(app, 'desk.start', {
    customerId: 'c-sakuragawa',
    alertIds: [alert.id],
  });
  await call(app, 'desk.verifyCaller', {
    inquiryId,
    name: '佐藤 美咲',
    phone: '03-5550-0141',
    email: '',
  });
  await call(app, 'desk.saveAnswers', { inquiryId, patch: REQUIRED_REST });
  return inquiryId;
}

/** A stand-in PDF printer that records what it was asked to print. */
export function fakePrinter(app: App): string[] {
  const routes: string[] = [];
  app.ctx.pdf = {
    print: (route) => {
      routes.push(route);
      return Promise.resolve(new Uint8Array(Buffer.from(`%PDF-1.7 fake ${route}\n%%EOF\n`)));
    },
  };
  return routes;
}

export function auditOf(app: App, inquiryId: string) {
  return app.db
    .prepare(
      "SELECT action, from_value, to_value, actor FROM audit_log WHERE entity = 'inquiry' AND entity_id = ? ORDER BY id",
    )
    .all(inquiryId) as Array<{
    action: string;
    from_value: string | null;
    to_value: string | null;
    actor: string;
  }>;
}

/** An instant from an ISO date-time with its offset (the tests write their times in JST). */
export const at = (iso: string) => Date.parse(iso);
