import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', 'locales');
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix: string, out: Map<string, string>): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

/** Every message of a language, keyed `namespace:path`, with i18next plural suffixes folded. */
function load(lang: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(join(root, lang)).filter((f) => f.endsWith('.json'))) {
    const tree = JSON.parse(readFileSync(join(root, lang, file), 'utf8')) as Tree;
    for (const [k, v] of flatten(tree, '', new Map())) {
      out.set(
        `${file.replace(/\.json$/, '')}:${k.replace(/_(zero|one|two|few|many|other)$/, '')}`,
        v,
      );
    }
  }
  return out;
}

const ja = load('ja');
const en = load('en');

describe('locales', () => {
  it('have the same namespaces and keys in Japanese and English', () => {
    expect(readdirSync(join(root, 'en')).sort()).toEqual(readdirSync(join(root, 'ja')).sort());
    expect([...en.keys()].filter((k) => !ja.has(k))).toEqual([]);
    expect([...ja.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('have no empty messages', () => {
    for (const [lang, messages] of [
      ['ja', ja],
      ['en', en],
    ] as const) {
      for (const [k, v] of messages)
        expect({ lang, key: k, empty: v.trim() === '' }).toEqual({ lang, key: k, empty: false });
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of ja)
      expect({ key: k, vars: placeholders(en.get(k) ?? '') }).toEqual({
        key: k,
        vars: placeholders(v),
      });
  });

  it('write Japanese in the Japanese files', () => {
    const japanese = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
    // Names that are the same in both languages (product names, the language menu).
    const same = new Set([
      'errors:at',
      'common:appName',
      'common:language.en',
      'catalog:sourceShort.cts',
      'catalog:sourceShort.csoc',
      'catalog:source.csoc',
      'catalog:service.soc-in-pocket',
    ]);
    for (const [k, v] of ja)
      if (!same.has(k))
        expect({ key: k, japanese: japanese.test(v) }).toEqual({ key: k, japanese: true });
  });
});
