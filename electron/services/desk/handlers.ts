import type { Handlers } from '../handlers-types';
import { resolveCustomers } from '../scope';
import {
  escalate,
  packageFile,
  packageView,
  printPackage,
  recordFileDelivery,
  sendPackage,
} from './escalation';
import { exportSheet, importSheet, mailSheet } from './exchange';
import { discard, saveAnswers, start, update } from './inquiries';
import { detail, queue } from './inquiry-view';
import { mailSettings, saveMailSettings } from './mail';
import { alertById, findCustomers, recentAlerts } from './records';
import { loadInquiry } from './repo';
import { getTemplate, importTemplateFile, listTemplates, setActiveTemplate } from './templates';
import { acknowledge, answer, close, recordSecondLine, verifyCaller } from './workflow';
import { fail } from '../../../shared/result';
import { storedProfile } from '../scope';

type DeskOp = Extract<keyof Handlers, `desk.${string}`>;

/** Template management is the partner desk's: it receives new versions from the vendor. */
function partnerOnly(ctx: Parameters<Handlers['desk.templates']>[1]): void {
  if (storedProfile(ctx)?.kind !== 'partner') fail('forbidden');
}

/** The desk operations' service functions (issue #6); the logic lives in the files beside. */
export const deskHandlers: Pick<Handlers, DeskOp> = {
  'desk.queue': ({ customerId, view }, ctx) => queue(ctx, customerId, view),
  'desk.get': ({ inquiryId }, ctx) => detail(ctx, loadInquiry(ctx, inquiryId)),
  'desk.alerts': ({ customerId, days, include }, ctx) => {
    const [id] = resolveCustomers(ctx, customerId);
    if (!id) fail('forbidden');
    return recentAlerts(ctx, id, days, include);
  },
  'desk.alert': ({ alertId }, ctx) => alertById(ctx, alertId),
  'desk.findCustomers': ({ query }, ctx) => findCustomers(ctx, query),
  'desk.start': (input, ctx) => start(ctx, input),
  'desk.update': (input, ctx) => update(ctx, input),
  'desk.verifyCaller': (input, ctx) => verifyCaller(ctx, input),
  'desk.saveAnswers': (input, ctx) => saveAnswers(ctx, input),
  'desk.answer': (input, ctx) => answer(ctx, input),
  'desk.escalate': (input, ctx) => escalate(ctx, input),
  'desk.printPackage': ({ packageId }, ctx) => printPackage(ctx, packageId),
  'desk.package': ({ packageId }, ctx) => packageView(ctx, packageId),
  'desk.packageFile': (input, ctx) => packageFile(ctx, input),
  'desk.sendPackage': ({ packageId }, ctx) => sendPackage(ctx, packageId),
  'desk.recordFileDelivery': ({ packageId }, ctx) => recordFileDelivery(ctx, packageId),
  'desk.acknowledge': (input, ctx) => acknowledge(ctx, input),
  'desk.recordSecondLine': (input, ctx) => recordSecondLine(ctx, input),
  'desk.close': (input, ctx) => close(ctx, input),
  'desk.discard': ({ inquiryId }, ctx) => discard(ctx, inquiryId),
  'desk.templates': (_input, ctx) => listTemplates(ctx),
  'desk.template': ({ id, version }, ctx) => getTemplate(ctx, id, version),
  'desk.importTemplate': ({ fileId }, ctx) => {
    partnerOnly(ctx);
    return importTemplateFile(ctx, ctx.files.get(fileId).path);
  },
  'desk.setActiveTemplate': ({ id, version }, ctx) => {
    partnerOnly(ctx);
    setActiveTemplate(ctx, id, version);
    ctx.emit('data.changed', { topics: ['inquiries'] });
    return null;
  },
  'desk.exportSheet': (input, ctx) => exportSheet(ctx, input),
  'desk.mailSheet': (input, ctx) => mailSheet(ctx, input),
  'desk.importSheet': ({ fileId }, ctx) => importSheet(ctx, fileId),
  'desk.mailSettings': (_input, ctx) => mailSettings(ctx),
  'desk.saveMailSettings': (input, ctx) => saveMailSettings(ctx, input),
};
