/**
 * The bilingual threat knowledge base the alert detail screen shows to a customer's service contact:
 * per threat kind what happened, what it means, how to tell whether it affects the company and what
 * to do. It answers the typical inquiries of 002 別紙3 1(4) (① tell me in Japanese / what does it
 * mean, ② does it affect us, ③ what should we do) before the contact has to call the partner.
 *
 * The content lives in assets/kb/*.json (one file per kind, plus classes and perimeter advice) so it
 * can be reviewed and translated without touching code. It is imported statically — no fs, so the
 * same module works in the Vite renderer bundle and the esbuild main-process bundle — and parsed once
 * at load, so a broken file fails the first test that imports it rather than a screen at runtime.
 */
import { z } from 'zod';
import {
  ATTACK_TACTICS,
  CTS_KINDS,
  KILL_CHAIN,
  THREAT_CLASSES,
  THREAT_KINDS,
  classOfKind,
  type AttackTacticId,
  type Language,
  type ThreatClass,
  type ThreatKind,
} from './catalog';
import reconAccess from '../assets/kb/recon-access.json';
import redirectSite from '../assets/kb/redirect-site.json';
import compromisedSite from '../assets/kb/compromised-site.json';
import malvertisingSite from '../assets/kb/malvertising-site.json';
import browserExploitSite from '../assets/kb/browser-exploit-site.json';
import browserFingerprintingSite from '../assets/kb/browser-fingerprinting-site.json';
import malwareDownload from '../assets/kb/malware-download.json';
import exploitKitDownload from '../assets/kb/exploit-kit-download.json';
import c2 from '../assets/kb/c2.json';
import ransomware from '../assets/kb/ransomware.json';
import lateralMovement from '../assets/kb/lateral-movement.json';
import tor from '../assets/kb/tor.json';
import swgMaliciousUrl from '../assets/kb/swg-malicious-url.json';
import swgC2Beacon from '../assets/kb/swg-c2-beacon.json';
import ipsExploitAttempt from '../assets/kb/ips-exploit-attempt.json';
import ipsScan from '../assets/kb/ips-scan.json';
import fwPortScan from '../assets/kb/fw-port-scan.json';
import fwSuspiciousOutbound from '../assets/kb/fw-suspicious-outbound.json';
import mxMalwareAttachment from '../assets/kb/mx-malware-attachment.json';
import mxPhishing from '../assets/kb/mx-phishing.json';
import epMalwareDetected from '../assets/kb/ep-malware-detected.json';
import epRansomwareBehavior from '../assets/kb/ep-ransomware-behavior.json';
import wafWebAttack from '../assets/kb/waf-web-attack.json';
import saBruteForce from '../assets/kb/sa-brute-force.json';
import logAnomalousAuth from '../assets/kb/log-anomalous-auth.json';
import cloudSuspiciousApi from '../assets/kb/cloud-suspicious-api.json';
import m365AccountCompromise from '../assets/kb/m365-account-compromise.json';
import m365ForwardingRule from '../assets/kb/m365-forwarding-rule.json';
import edrSuspiciousProcess from '../assets/kb/edr-suspicious-process.json';
import classesFile from '../assets/kb/classes.json';
import perimeterFile from '../assets/kb/perimeter.json';

// One file per kind, so a reviewer or translator works on one threat at a time.
const KIND_FILES: readonly unknown[] = [
  reconAccess,
  redirectSite,
  compromisedSite,
  malvertisingSite,
  browserExploitSite,
  browserFingerprintingSite,
  malwareDownload,
  exploitKitDownload,
  c2,
  ransomware,
  lateralMovement,
  tor,
  swgMaliciousUrl,
  swgC2Beacon,
  ipsExploitAttempt,
  ipsScan,
  fwPortScan,
  fwSuspiciousOutbound,
  mxMalwareAttachment,
  mxPhishing,
  epMalwareDetected,
  epRansomwareBehavior,
  wafWebAttack,
  saBruteForce,
  logAnomalousAuth,
  cloudSuspiciousApi,
  m365AccountCompromise,
  m365ForwardingRule,
  edrSuspiciousProcess,
];

/** A text in both languages; neither may be blank. */
export const localizedTextSchema = z.strictObject({
  ja: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Stable kebab-case id, so UI state (ticked actions) and inquiries can refer to a recommendation. */
const recommendationIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** One action the customer's IT contact can tick off; urgent ones come first on the screen. */
export const kbRecommendationSchema = z.strictObject({
  id: recommendationIdSchema,
  ja: z.string().trim().min(1),
  en: z.string().trim().min(1),
  urgent: z.boolean(),
});
export type KbRecommendation = z.infer<typeof kbRecommendationSchema>;

const tacticIds = Object.keys(ATTACK_TACTICS) as [AttackTacticId, ...AttackTacticId[]];

export const kbKindEntrySchema = z
  .strictObject({
    kind: z.enum(THREAT_KINDS as [ThreatKind, ...ThreatKind[]]),
    threatClass: z.enum(THREAT_CLASSES),
    title: localizedTextSchema,
    /** 2–4 plain sentences: what happened and what it means (002 別紙3 1(4)①). */
    summary: localizedTextSchema,
    /** For readers who want more: how the attack works and why it matters. */
    details: localizedTextSchema,
    /** "Does this affect us?" — what to check, in order (002 別紙3 1(4)②). */
    impactChecks: z.array(localizedTextSchema).min(1),
    /** "What should we do?" — ordered actions (002 別紙3 1(4)③). */
    recommendations: z.array(kbRecommendationSchema).min(1),
    /** Typical stage only; an alert carries its own stage when the source reports one. */
    killChain: z.enum(KILL_CHAIN),
    tactics: z.array(z.enum(tacticIds)).min(1),
    /**
     * Words a CTS e-mail (English only, 002 別紙2 2(2)) typically uses for this kind, so a Japanese
     * reader can match the mail to this entry. CTS kinds only.
     */
    ctsEnglishHint: z.string().trim().min(1).optional(),
  })
  .superRefine((entry, ctx) => {
    if (classOfKind(entry.kind) !== entry.threatClass) {
      ctx.addIssue({
        code: 'custom',
        path: ['threatClass'],
        message: `${entry.kind} belongs to ${classOfKind(entry.kind)}`,
      });
    }
    if (entry.ctsEnglishHint !== undefined && !(entry.kind in CTS_KINDS)) {
      ctx.addIssue({ code: 'custom', path: ['ctsEnglishHint'], message: 'CTS kinds only' });
    }
    const seen = new Set<string>();
    entry.recommendations.forEach((r, i) => {
      if (seen.has(r.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['recommendations', i, 'id'],
          message: 'duplicate id',
        });
      }
      seen.add(r.id);
    });
    if (new Set(entry.tactics).size !== entry.tactics.length) {
      ctx.addIssue({ code: 'custom', path: ['tactics'], message: 'duplicate tactic' });
    }
  });
export type KbKindEntry = z.infer<typeof kbKindEntrySchema>;

export const kbClassEntrySchema = z.strictObject({
  threatClass: z.enum(THREAT_CLASSES),
  title: localizedTextSchema,
  summary: localizedTextSchema,
});
export type KbClassEntry = z.infer<typeof kbClassEntrySchema>;

export const kbClassFileSchema = z.strictObject({ classes: z.array(kbClassEntrySchema) });

/** 002 別紙2 2(3): UTM with URL filtering, or FW + Proxy, at the Internet gateway. */
export const kbPerimeterFileSchema = z.strictObject({
  perimeterAdvice: z.strictObject({ title: localizedTextSchema, text: localizedTextSchema }),
});
export type KbPerimeterAdvice = z.infer<typeof kbPerimeterFileSchema>['perimeterAdvice'];

/** Builds a complete id → entry table, naming every missing or doubled id at once. */
function tableOf<K extends string, V>(
  what: string,
  ids: readonly K[],
  items: readonly V[],
  idOf: (item: V) => K,
): Record<K, V> {
  const table = new Map<K, V>();
  const doubled = new Set<K>();
  for (const item of items) {
    if (table.has(idOf(item))) doubled.add(idOf(item));
    table.set(idOf(item), item);
  }
  const missing = ids.filter((id) => !table.has(id));
  if (missing.length > 0 || doubled.size > 0) {
    throw new Error(
      `knowledge base ${what}: missing [${missing.join(', ')}], doubled [${[...doubled].join(', ')}]`,
    );
  }
  return Object.fromEntries(table) as Record<K, V>;
}

const KINDS = tableOf(
  'kinds',
  THREAT_KINDS,
  KIND_FILES.map((file) => kbKindEntrySchema.parse(file)),
  (e) => e.kind,
);
const CLASSES = tableOf(
  'classes',
  THREAT_CLASSES,
  kbClassFileSchema.parse(classesFile).classes,
  (e) => e.threatClass,
);
const PERIMETER = kbPerimeterFileSchema.parse(perimeterFile).perimeterAdvice;

/** The entry for a threat kind (CTS or C-SOC); every catalog kind has one. */
export function kbEntry(kind: ThreatKind): KbKindEntry {
  return KINDS[kind];
}

/** The entry for a threat class; every catalog class has one. */
export function kbClass(threatClass: ThreatClass): KbClassEntry {
  return CLASSES[threatClass];
}

/** What 002 別紙2 2(3) recommends at the Internet gateway, and what that means for the customer. */
export function kbPerimeterAdvice(): KbPerimeterAdvice {
  return PERIMETER;
}

/** Every kind entry, in catalog order (CTS kinds first, then C-SOC). */
export function kbEntries(): KbKindEntry[] {
  return THREAT_KINDS.map((kind) => KINDS[kind]);
}

/** The text in the reader's language. */
export function kbText(text: LocalizedText, lang: Language): string {
  return text[lang];
}
