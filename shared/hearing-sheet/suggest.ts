/**
 * Suggested answers for the first-line desk, from the knowledge base: the inquiries the terms
 * expect (002 別紙3 1(4)) are ① "I don't understand the notice" (tell me in Japanese, what does it
 * mean), ② "does it affect us" and ③ "what should we do". The first line answers by phone only
 * (2(4)②), so a suggestion is text the partner can read out, copy, edit and record.
 *
 * The shipped template's `inquiry-type` question names the type; other templates without that
 * question simply get no suggestions.
 */
import type { Language, ThreatKind } from '../catalog';
import { kbEntry, kbPerimeterAdvice } from '../kb';
import type { Answers } from './schema';

export const INQUIRY_TYPE_QUESTION = 'inquiry-type';
export const INQUIRY_TYPES = [
  'notice-unclear',
  'impact',
  'recommendations',
  'device-failure',
  'contract',
  'other',
] as const;
export type InquiryType = (typeof INQUIRY_TYPES)[number];

export interface SuggestionAlert {
  id: number;
  sourceId: string;
  titleJa: string;
  titleEn: string;
  threatKind: ThreatKind;
}

export interface Suggestion {
  /** Stable within one sheet, for React keys and tests. */
  id: string;
  type: InquiryType;
  /** What the text is: the intro line comes from `desk:suggest.intro.<kind>`. */
  kind: 'explanation' | 'impact' | 'recommendations' | 'perimeter';
  alert: { sourceId: string; title: string } | null;
  paragraphs: string[];
  /** Ordered points (checks or actions); urgent actions first. */
  items: Array<{ text: string; urgent: boolean }>;
}

/** The inquiry types chosen on a sheet (the `inquiry-type` answer, one or several). */
export function inquiryTypes(answers: Answers): InquiryType[] {
  const v = answers[INQUIRY_TYPE_QUESTION];
  const values = Array.isArray(v) ? v : v ? [v] : [];
  return INQUIRY_TYPES.filter((t) => values.includes(t));
}

export function suggestAnswers(opts: {
  types: InquiryType[];
  alerts: SuggestionAlert[];
  language: Language;
  /** The customer has neither a UTM with URL filtering nor FW + Proxy (002 別紙2 2(3)). */
  perimeterMissing: boolean;
}): Suggestion[] {
  const { language: lang } = opts;
  const out: Suggestion[] = [];
  const kinds = [...new Map(opts.alerts.map((a) => [a.threatKind, a])).values()];
  for (const type of opts.types) {
    for (const a of kinds) {
      const kb = kbEntry(a.threatKind);
      const alert = { sourceId: a.sourceId, title: lang === 'ja' ? a.titleJa : a.titleEn };
      const id = `${type}:${a.threatKind}`;
      if (type === 'notice-unclear')
        out.push({
          id,
          type,
          kind: 'explanation',
          alert,
          paragraphs: [kb.summary[lang], kb.details[lang]],
          items: [],
        });
      if (type === 'impact')
        out.push({
          id,
          type,
          kind: 'impact',
          alert,
          paragraphs: [kb.summary[lang]],
          items: kb.impactChecks.map((c) => ({ text: c[lang], urgent: false })),
        });
      if (type === 'recommendations')
        out.push({
          id,
          type,
          kind: 'recommendations',
          alert,
          paragraphs: [],
          items: [...kb.recommendations]
            .sort((x, y) => Number(y.urgent) - Number(x.urgent))
            .map((r) => ({ text: r[lang], urgent: r.urgent })),
        });
    }
  }
  // A customer attacked without either perimeter control is proposed one (002 別紙2 2(3)).
  if (opts.perimeterMissing && opts.types.some((t) => t === 'impact' || t === 'recommendations')) {
    const advice = kbPerimeterAdvice();
    out.push({
      id: 'perimeter',
      type: opts.types.includes('recommendations') ? 'recommendations' : 'impact',
      kind: 'perimeter',
      alert: null,
      paragraphs: [advice.text[lang]],
      items: [],
    });
  }
  return out;
}
