/**
 * C-SOC prerequisites (000 第7条 利用資格), checked per management unit (管理単位) over the
 * contracts the app stores. Each problem names its article and a ja/en message key
 * (locales/<lang>/rules.json). Only `iij-c-soc` contracts are looked at; the caller passes the
 * contracts that are (or will be) in force — ended contracts should be left out.
 */
import type { CsocModule, ServiceId } from '../catalog';

/**
 * What the check needs of a contract; a stored `Contract` (shared/domain/contract.ts) fits as is.
 * Categories and options are plain strings here because lint keeps `shared/domain/` out of reach
 * (its `domain/*` pattern for the Node built-in also matches our folder); the ids are those of
 * CSOC_CATEGORIES and CONTRACT_OPTIONS there.
 */
export interface EligibilityContract {
  id: string;
  service: ServiceId;
  customerId?: string;
  /** `premium` | `advanced` | `basic` | `module` */
  category?: string | null;
  module?: CsocModule | null;
  item?: string | null;
  options: readonly string[];
  managementUnit?: string | null;
}

/** Problem codes, in article order; the value is the article the problem breaks. */
export const ELIGIBILITY_ARTICLES = {
  'category-missing': '000 第7条1',
  'category-duplicate': '000 第7条1',
  'module-missing': '000 第7条1',
  'log-module-needs-premium-or-advanced': '000 第7条2',
  'swg-needs-bypass': '000 第7条6',
  'waf-needs-advanced-support': '000 第7条7',
  'custom-log-monitoring-needs-module': '000 第7条8',
  'cloud-log-monitoring-needs-module': '000 第7条9',
  'm365-needs-log-monitoring': '000 第7条10',
  'edr-needs-premium': '000 第7条11',
  'edr-operation-needs-licence': '000 第7条12',
  'edr-licence-needs-operation': '000 第7条13',
} as const;
export type EligibilityCode = keyof typeof ELIGIBILITY_ARTICLES;
export const ELIGIBILITY_CODES = Object.keys(ELIGIBILITY_ARTICLES) as EligibilityCode[];

export interface Problem {
  code: EligibilityCode;
  /** e.g. `000 第7条11` */
  article: (typeof ELIGIBILITY_ARTICLES)[EligibilityCode];
  /** i18next key, namespace `rules`. */
  messageKey: `rules:eligibility.${EligibilityCode}`;
  /** The management unit (null when the contracts carry none); the module for module problems. */
  params: { unit: string | null; customerId?: string; module?: CsocModule };
  /** The contracts at fault, in input order. */
  contractIds: string[];
}

const isCategory = (c: EligibilityContract) =>
  c.category === 'premium' || c.category === 'advanced' || c.category === 'basic';
const hasEdrLicence = (c: EligibilityContract) =>
  c.item === 'edr-mssp-licence' ||
  c.item === 'edr-period-licence' ||
  c.options.includes('edr-licence');
// The catalogue's module id `edr` stands for the EDR operation option (shared/catalog.ts).
const hasEdrOperation = (c: EligibilityContract) =>
  c.item === 'edr-operation' ||
  c.options.includes('edr-operation') ||
  (c.module === 'edr' && c.item !== 'edr-mssp-licence' && c.item !== 'edr-period-licence');
const isModule = (c: EligibilityContract) =>
  !isCategory(c) && (c.category === 'module' || (c.module ?? null) !== null) && c.module !== 'edr';

/**
 * Problems with the C-SOC prerequisites of 000 第7条, per customer and management unit, in unit
 * order (first appearance) and then article order:
 * - 1: exactly one Premium/Advanced/Basic contract, and ≥ 1 module contract or EDR operation.
 * - 2: individual-log and cloud-log modules need Premium or Advanced.
 * - 6, 7: the SWG module needs the SWG bypass option, the WAF module the WAF advanced support.
 * - 8, 9: individual/cloud log monitoring options need their log module.
 * - 10: the Microsoft 365 module needs the M365 log monitoring option.
 * - 11–13: EDR operation and EDR licence need Premium and each other.
 * Choices where the terms are silent: contracts without a management unit form one unit per
 * customer; an option counts wherever it appears in the unit (the timing of 第7条10 "同時に申し込む"
 * cannot be checked from contracts); checks that depend on the category (2, 11) are skipped while
 * the category itself is missing, which is already reported; 第7条3–5 (the connected IIJ services'
 * own contracts and consent) are not recorded by the app and not checked.
 */
export function eligibilityProblems({
  contracts,
}: {
  contracts: readonly EligibilityContract[];
}): Problem[] {
  const units = new Map<string, EligibilityContract[]>();
  for (const c of contracts) {
    if (c.service !== 'iij-c-soc') continue;
    const key = JSON.stringify([c.customerId ?? null, c.managementUnit ?? null]);
    const list = units.get(key);
    if (list) list.push(c);
    else units.set(key, [c]);
  }
  return [...units.values()].flatMap(unitProblems);
}

function unitProblems(unit: EligibilityContract[]): Problem[] {
  const first = unit[0];
  const base: Problem['params'] = { unit: first?.managementUnit ?? null };
  if (first?.customerId !== undefined) base.customerId = first.customerId;
  const problems: Problem[] = [];
  const add = (code: EligibilityCode, list: EligibilityContract[], module?: CsocModule) => {
    problems.push({
      code,
      article: ELIGIBILITY_ARTICLES[code],
      messageKey: `rules:eligibility.${code}`,
      params: module ? { ...base, module } : { ...base },
      contractIds: list.map((c) => c.id),
    });
  };
  const categories = unit.filter(isCategory);
  const modules = unit.filter(isModule);
  const edrOperations = unit.filter(hasEdrOperation);
  const edrLicences = unit.filter(hasEdrLicence);
  const hasOption = (option: string) => unit.some((c) => c.options.includes(option));
  const withModule = (m: CsocModule) => modules.filter((c) => c.module === m);

  // 第7条1(1), 第6条1: one category contract per management unit.
  if (categories.length === 0) add('category-missing', unit);
  if (categories.length > 1) add('category-duplicate', categories);
  // 第7条1(2): at least one module contract, or the EDR operation option.
  if (modules.length === 0 && edrOperations.length === 0) {
    add('module-missing', categories.length > 0 ? categories : unit);
  }
  const premium = categories.some((c) => c.category === 'premium');
  const premiumOrAdvanced = categories.some(
    (c) => c.category === 'premium' || c.category === 'advanced',
  );
  // 第7条2
  if (categories.length > 0 && !premiumOrAdvanced) {
    for (const c of modules) {
      if (c.module === 'custom-log' || c.module === 'cloud-log') {
        add('log-module-needs-premium-or-advanced', [c], c.module);
      }
    }
  }
  // 第7条6, 7
  if (!hasOption('swg-bypass')) {
    for (const c of withModule('swg')) add('swg-needs-bypass', [c], 'swg');
  }
  if (!hasOption('waf-advanced-support')) {
    for (const c of withModule('waf')) add('waf-needs-advanced-support', [c], 'waf');
  }
  // 第7条8, 9
  const carriers = (option: string) => unit.filter((c) => c.options.includes(option));
  if (withModule('custom-log').length === 0 && hasOption('custom-log-monitoring')) {
    add('custom-log-monitoring-needs-module', carriers('custom-log-monitoring'));
  }
  if (withModule('cloud-log').length === 0 && hasOption('cloud-log-monitoring')) {
    add('cloud-log-monitoring-needs-module', carriers('cloud-log-monitoring'));
  }
  // 第7条10
  if (!hasOption('m365-log-monitoring')) {
    for (const c of withModule('m365-log')) add('m365-needs-log-monitoring', [c], 'm365-log');
  }
  // 第7条11–13
  const edr = unit.filter((c) => hasEdrOperation(c) || hasEdrLicence(c));
  if (categories.length > 0 && !premium && edr.length > 0) add('edr-needs-premium', edr);
  if (edrOperations.length > 0 && edrLicences.length === 0) {
    add('edr-operation-needs-licence', edrOperations);
  }
  if (edrLicences.length > 0 && edrOperations.length === 0) {
    add('edr-licence-needs-operation', edrLicences);
  }
  return problems;
}
