/**
 * The templates SOC Desk ships (assets/hearing-sheets/). Imported statically like the knowledge
 * base, so the same module works in both bundles, and parsed once at load: a broken shipped
 * template fails the first test that imports it, never a call at the desk.
 */
import ctsIncidentSupportV1 from '../../assets/hearing-sheets/cts-incident-support.v1.json';
import { parseTemplate } from './parse';
import type { Template } from './schema';

function load(file: unknown, name: string): Template {
  const r = parseTemplate(file);
  if (!r.ok) throw new Error(`hearing-sheet template ${name}: ${JSON.stringify(r.issues)}`);
  return r.template;
}

/** Every shipped template version, oldest first. */
export const SHIPPED_TEMPLATES: readonly Template[] = [
  load(ctsIncidentSupportV1, 'cts-incident-support.v1.json'),
];

/** The template a new sheet uses until a partner imports a newer one. */
export const DEFAULT_TEMPLATE_ID = 'cts-incident-support';
