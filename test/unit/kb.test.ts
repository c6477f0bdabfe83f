/**
 * The knowledge base answers 002 別紙3 1(4) ① (in Japanese, what it means), ② (does it affect us) and
 * ③ (what to do) for every threat the catalog knows, so completeness and both languages are checked
 * here rather than discovered on the alert screen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ATTACK_TACTICS,
  CSOC_KINDS,
  CTS_KINDS,
  KILL_CHAIN,
  THREAT_CLASSES,
  THREAT_KINDS,
  classOfKind,
  type ThreatKind,
} from '../../shared/catalog';
import {
  kbClass,
  kbClassFileSchema,
  kbEntries,
  kbEntry,
  kbKindEntrySchema,
  kbPerimeterAdvice,
  kbPerimeterFileSchema,
  kbText,
  type KbKindEntry,
  type LocalizedText,
} from '../../shared/kb';

const KB_DIR = new URL('../../assets/kb/', import.meta.url);
const readJson = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(name, KB_DIR), 'utf8')) as unknown;

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** Every {ja, en} text of an entry with a readable location. */
function textsOf(entry: KbKindEntry): Array<[string, LocalizedText]> {
  return [
    ['title', entry.title],
    ['summary', entry.summary],
    ['details', entry.details],
    ...entry.impactChecks.map((t, i): [string, LocalizedText] => [`impactChecks[${i}]`, t]),
    ...entry.recommendations.map((r): [string, LocalizedText] => [`recommendations.${r.id}`, r]),
  ];
}

function allTexts(): Array<[string, LocalizedText]> {
  return [
    ...kbEntries().flatMap((e) =>
      textsOf(e).map(([where, t]): [string, LocalizedText] => [`${e.kind}.${where}`, t]),
    ),
    ...THREAT_CLASSES.flatMap((c): Array<[string, LocalizedText]> => [
      [`class.${c}.title`, kbClass(c).title],
      [`class.${c}.summary`, kbClass(c).summary],
    ]),
    ['perimeter.title', kbPerimeterAdvice().title],
    ['perimeter.text', kbPerimeterAdvice().text],
  ];
}

describe('knowledge base completeness', () => {
  it.each(THREAT_KINDS)('has an entry for kind %s in its catalog class', (kind) => {
    const entry = kbEntry(kind);
    expect(entry.kind).toBe(kind);
    expect(entry.threatClass).toBe(classOfKind(kind));
  });

  it.each(THREAT_CLASSES)('has an entry for class %s', (threatClass) => {
    expect(kbClass(threatClass).threatClass).toBe(threatClass);
  });

  it('covers the 12 CTS kinds of 002 別紙2 §3 and the 17 C-SOC kinds', () => {
    expect(Object.keys(CTS_KINDS)).toHaveLength(12);
    expect(Object.keys(CSOC_KINDS)).toHaveLength(17);
    expect(kbEntries().map((e) => e.kind)).toEqual(THREAT_KINDS);
  });

  it('gives every CTS kind the English wording of its notification, and no C-SOC kind one', () => {
    for (const entry of kbEntries()) {
      if (entry.kind in CTS_KINDS) expect(entry.ctsEnglishHint, entry.kind).toBeTruthy();
      else expect(entry.ctsEnglishHint, entry.kind).toBeUndefined();
    }
  });

  it('has perimeter advice naming both options of 002 別紙2 2(3)', () => {
    const { text } = kbPerimeterAdvice();
    expect(text.ja).toContain('URLフィルタリング');
    expect(text.ja).toContain('プロキシ');
    expect(text.en).toContain('URL filtering');
    expect(text.en).toContain('proxy');
  });
});

describe('knowledge base texts', () => {
  it('has non-empty Japanese and English for every text', () => {
    for (const [where, t] of allTexts()) {
      expect(t.ja.trim(), where).not.toBe('');
      expect(t.en.trim(), where).not.toBe('');
    }
  });

  it('writes Japanese texts in Japanese and English texts without Japanese', () => {
    for (const [where, t] of allTexts()) {
      expect(JAPANESE.test(t.ja), `${where}.ja`).toBe(true);
      expect(JAPANESE.test(t.en), `${where}.en`).toBe(false);
    }
  });

  it('keeps summaries to 2–4 sentences', () => {
    for (const e of kbEntries()) {
      const ja = e.summary.ja.split('。').filter((s) => s.trim() !== '').length;
      const en = e.summary.en.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '').length;
      expect(ja, `${e.kind}.summary.ja`).toBeGreaterThanOrEqual(2);
      expect(ja, `${e.kind}.summary.ja`).toBeLessThanOrEqual(4);
      expect(en, `${e.kind}.summary.en`).toBeGreaterThanOrEqual(2);
      expect(en, `${e.kind}.summary.en`).toBeLessThanOrEqual(4);
    }
  });

  it('picks the reader language', () => {
    expect(kbText(kbEntry('c2').title, 'ja')).toBe('C&C 通信');
    expect(kbText(kbEntry('c2').title, 'en')).toBe('C&C communication');
  });
});

describe('knowledge base structure', () => {
  it('has unique kebab-case recommendation ids per entry, urgent ones first', () => {
    for (const e of kbEntries()) {
      const ids = e.recommendations.map((r) => r.id);
      expect(new Set(ids).size, e.kind).toBe(ids.length);
      for (const id of ids) expect(id, e.kind).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      const urgent = e.recommendations.map((r) => r.urgent);
      expect(urgent, e.kind).toEqual([...urgent].sort((a, b) => Number(b) - Number(a)));
    }
  });

  it('gives malware communication at least one urgent action', () => {
    for (const e of kbEntries().filter((x) => x.threatClass === 'malware-comm')) {
      expect(
        e.recommendations.some((r) => r.urgent),
        e.kind,
      ).toBe(true);
    }
  });

  it('uses valid kill-chain phases and ATT&CK tactic ids', () => {
    for (const e of kbEntries()) {
      expect(KILL_CHAIN, e.kind).toContain(e.killChain);
      expect(e.tactics.length, e.kind).toBeGreaterThan(0);
      for (const t of e.tactics) expect(Object.keys(ATTACK_TACTICS), e.kind).toContain(t);
    }
  });

  it('has nothing in assets/kb/ but the kind files, classes and perimeter advice', () => {
    const files = readdirSync(KB_DIR).filter((f) => f.endsWith('.json'));
    const expected = [...THREAT_KINDS.map((k) => `${k}.json`), 'classes.json', 'perimeter.json'];
    expect(files.sort()).toEqual(expected.sort());
  });

  it.each(THREAT_KINDS)(
    'parses assets/kb/%s.json with the schema, named after its kind',
    (kind) => {
      const entry = kbKindEntrySchema.parse(readJson(`${kind}.json`));
      expect(entry.kind).toBe(kind);
    },
  );

  it('parses the class and perimeter files with their schemas', () => {
    expect(kbClassFileSchema.parse(readJson('classes.json')).classes).toHaveLength(
      THREAT_CLASSES.length,
    );
    expect(() => kbPerimeterFileSchema.parse(readJson('perimeter.json'))).not.toThrow();
  });
});

describe('knowledge base schema rejects bad content', () => {
  const good = (): Record<string, unknown> =>
    structuredClone(readJson('c2.json')) as Record<string, unknown>;
  const parses = (value: unknown) => kbKindEntrySchema.safeParse(value).success;

  it('accepts the reference entry', () => {
    expect(parses(good())).toBe(true);
  });

  it('rejects a class that does not match the catalog', () => {
    expect(parses({ ...good(), threatClass: 'recon' })).toBe(false);
  });

  it('rejects duplicate recommendation ids', () => {
    const entry = good();
    const recs = entry['recommendations'] as Array<Record<string, unknown>>;
    recs[1] = { ...recs[1], id: recs[0]!['id'] };
    expect(parses(entry)).toBe(false);
  });

  it('rejects unknown tactics, phases and kinds', () => {
    expect(parses({ ...good(), tactics: ['TA9999'] })).toBe(false);
    expect(parses({ ...good(), killChain: 'lateral' })).toBe(false);
    expect(parses({ ...good(), kind: 'not-a-kind' })).toBe(false);
  });

  it('rejects a blank language and unknown fields', () => {
    expect(parses({ ...good(), summary: { ja: ' ', en: 'x' } })).toBe(false);
    expect(parses({ ...good(), extra: true })).toBe(false);
  });

  it('rejects a CTS wording hint on a C-SOC kind', () => {
    const kind: ThreatKind = 'swg-c2-beacon';
    expect(parses({ ...good(), kind, ctsEnglishHint: 'C2' })).toBe(false);
  });
});
