/** How alerts read in the user's language: titles, kind names (the knowledge base's), hosts. */
import type { Language, ThreatKind } from '../../../shared/catalog';
import { kbEntry } from '../../../shared/kb';
import type { AlertRow } from '../../../shared/ops/alerts';

/** The title in the reader's language, else the other one (CTS often sends English only). */
export function alertTitle(a: Pick<AlertRow, 'titleJa' | 'titleEn'>, lang: Language): string {
  const own = lang === 'ja' ? a.titleJa : a.titleEn;
  return own.trim() !== '' ? own : lang === 'ja' ? a.titleEn : a.titleJa;
}

export function kindLabel(kind: ThreatKind, lang: Language): string {
  return kbEntry(kind).title[lang];
}

/** "host-a, host-b +3": the first hosts and how many more. */
export function hostsText(
  hosts: readonly string[],
  more: (n: number) => string,
  shown = 2,
): string {
  const head = hosts.slice(0, shown).join(', ');
  return hosts.length > shown ? `${head} ${more(hosts.length - shown)}` : head;
}
