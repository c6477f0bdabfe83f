import { contractStanding } from '../../../shared/contracts';
import { isAlerting } from '../../../shared/devices';
import type { AttentionItem } from '../../../shared/ops/devices';
import { fail } from '../../../shared/result';
import { jstDayNumber, jstIsoDate } from '../../../shared/time';
import { listContracts } from '../contracts/repo';
import type { Handlers } from '../handlers-types';
import { resolveCustomers, scopeCustomers } from '../scope';
import { getDeviceWithLatest, listDevicesWithLatest } from './repo';
import { dailyHealth, deviceView } from './view';

type Op = 'devices.list' | 'devices.get' | 'dashboard.attention';

const contractMap = (ctx: Parameters<Handlers['devices.list']>[1], ids: string[]) =>
  new Map(listContracts(ctx.db, ids).map((k) => [k.id, k]));

/** Devices of the customers in scope: status from shared/devices.ts, history by JST day. */
export const devicesHandlers: Pick<Handlers, Op> = {
  'devices.list': ({ customerId }, ctx) => {
    const ids = resolveCustomers(ctx, customerId);
    const now = ctx.clock.now();
    const contracts = contractMap(ctx, ids);
    const devices = listDevicesWithLatest(ctx.db, ids).map((d) => deviceView(d, contracts, now));
    return { asOf: now, devices };
  },

  'devices.get': ({ deviceId, days }, ctx) => {
    const ids = scopeCustomers(ctx);
    // Out of scope looks exactly like missing: another customer's ids are not confirmed.
    const entry = getDeviceWithLatest(ctx.db, ids, deviceId);
    if (!entry) fail('not_found');
    const now = ctx.clock.now();
    const contracts = contractMap(ctx, [entry.device.customerId]);
    const firstDay = jstDayNumber(now) - days + 1;
    return {
      ...deviceView(entry, contracts, now),
      days,
      history: dailyHealth(ctx.db, deviceId, firstDay),
      asOf: now,
    };
  },

  'dashboard.attention': ({ customerId }, ctx) => {
    const ids = resolveCustomers(ctx, customerId);
    const now = ctx.clock.now();
    const contracts = contractMap(ctx, ids);
    const devices: Array<Extract<AttentionItem, { kind: 'device' }>> = [];
    for (const entry of listDevicesWithLatest(ctx.db, ids)) {
      const v = deviceView(entry, contracts, now);
      if (!isAlerting(v.status)) continue;
      devices.push({
        kind: 'device',
        customerId: v.device.customerId,
        deviceId: v.device.id,
        name: v.device.name,
        deviceKind: v.device.kind,
        status: v.status,
        reasons: v.reasons,
        lastSeenAt: v.device.lastSeenAt,
      });
    }
    // Offline before critical, then by name.
    devices.sort(
      (a, b) =>
        (a.status === b.status ? 0 : a.status === 'offline' ? -1 : 1) ||
        a.name.localeCompare(b.name),
    );
    const today = jstIsoDate(now);
    const due: Array<Extract<AttentionItem, { kind: 'contract' }>> = [];
    for (const k of contracts.values()) {
      const s = contractStanding(k, today);
      if (!s.actionNeeded || !s.next) continue;
      due.push({
        kind: 'contract',
        customerId: k.customerId,
        contractId: k.id,
        contractNo: k.contractNo,
        service: k.service,
        next: s.next,
      });
    }
    due.sort((a, b) => a.next.daysLeft - b.next.daysLeft);
    return { asOf: now, items: [...devices, ...due] };
  },
};
