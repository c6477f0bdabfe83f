import type { PrivacySettings } from '../../../shared/ops/privacy';
import { fail } from '../../../shared/result';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers-types';
import { actor, storedProfile } from '../scope';
import {
  eraseCaller,
  eraseContact,
  eraseInquiry,
  findCaller,
  inquiryInfo,
  requirePartner,
} from './requests';
import { preview, purgePartner } from './retention';

type PrivacyOp = Extract<keyof Handlers, `privacy.${string}`>;

function settingsOf(ctx: ServiceContext): PrivacySettings {
  const p = storedProfile(ctx);
  if (!p) fail('no_profile');
  const row =
    p.kind === 'partner'
      ? (ctx.db
          .prepare(
            'SELECT months, last_purge_at, last_purge_count FROM privacy_retention WHERE partner_id = ?',
          )
          .get(p.id) as
          | { months: number; last_purge_at: number | null; last_purge_count: number | null }
          | undefined)
      : undefined;
  return {
    retentionMonths: row?.months ?? null,
    lastPurgeAt: row?.last_purge_at ?? null,
    lastPurgeCount: row?.last_purge_count ?? null,
    manageable: p.kind === 'partner',
  };
}

function setRetention(ctx: ServiceContext, months: number | null): PrivacySettings {
  const partnerId = requirePartner(ctx);
  const now = ctx.clock.now();
  const before = settingsOf(ctx).retentionMonths;
  ctx.db.transaction(() => {
    if (months === null)
      ctx.db.prepare('DELETE FROM privacy_retention WHERE partner_id = ?').run(partnerId);
    else
      ctx.db
        .prepare(
          `INSERT INTO privacy_retention (partner_id, months, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (partner_id) DO UPDATE SET months = excluded.months, updated_at = excluded.updated_at`,
        )
        .run(partnerId, months, now);
    ctx.db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, entity, entity_id, from_value, to_value)
         VALUES (?, ?, 'privacy.retention-set', 'retention', ?, ?, ?)`,
      )
      .run(
        now,
        actor(ctx),
        partnerId,
        before === null ? 'off' : String(before),
        months === null ? 'off' : String(months),
      );
  })();
  return settingsOf(ctx);
}

/** The privacy operations' service functions (issue #8); the logic lives in the files beside. */
export const privacyHandlers: Pick<Handlers, PrivacyOp> = {
  'privacy.settings': (_input, ctx) => settingsOf(ctx),
  'privacy.setRetention': ({ months }, ctx) => setRetention(ctx, months),
  'privacy.preview': ({ months }, ctx) => preview(ctx, requirePartner(ctx), months),
  'privacy.purge': (_input, ctx) => {
    const partnerId = requirePartner(ctx);
    const months = settingsOf(ctx).retentionMonths;
    if (months === null) fail('conflict', { message: 'privacy:error.retentionOff' });
    return { redacted: purgePartner(ctx, partnerId, months, actor(ctx)) };
  },
  'privacy.inquiry': ({ inquiryId }, ctx) => inquiryInfo(ctx, inquiryId),
  'privacy.eraseInquiry': ({ inquiryId }, ctx) => eraseInquiry(ctx, inquiryId),
  'privacy.findCaller': (person, ctx) => findCaller(ctx, person),
  'privacy.eraseCaller': (person, ctx) => eraseCaller(ctx, person),
  'privacy.eraseContact': ({ customerId }, ctx) => eraseContact(ctx, customerId),
};
