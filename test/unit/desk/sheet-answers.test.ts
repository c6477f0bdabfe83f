/**
 * Answers on the hearing sheet: prefilled from the records, displayed in both languages, the
 * caller checked against the registered contact (002 別紙3 2(3)) and answers suggested from the
 * knowledge base (002 別紙3 1(4)).
 */
import { describe, expect, it } from 'vitest';
import {
  checkCaller,
  displayAnswer,
  findQuestion,
  prefill,
  suggestAnswers,
} from '../../../shared/hearing-sheet';
import { kbEntry } from '../../../shared/kb';
import { v1 } from './sheet-setup';

describe('prefill', () => {
  const data = {
    language: 'ja' as const,
    customer: {
      nameJa: '桜川精機株式会社',
      nameEn: 'Sakuragawa Precision Co., Ltd.',
      contact: {
        name: '佐藤 美咲',
        department: '総務部',
        phone: '03-5550-0141',
        email: 'm@x.example',
      },
      perimeter: { utmWithUrlFilter: false, firewallAndProxy: true },
    },
    alerts: [
      {
        source: 'cts' as const,
        sourceId: 'CTS-1',
        titleJa: '偵察',
        titleEn: 'Recon',
        firstSeen: Date.parse('2026-11-21T08:15:00+09:00'),
        hosts: ['SKG-SV-WEB01'],
        indicators: ['203.0.113.24', 'https://bad.example/x'],
      },
    ],
  };

  it('fills what the records know and leaves given answers alone', () => {
    const p = prefill(v1, { 'company-name': '手入力' }, data);
    expect(p['company-name']).toBeUndefined();
    expect(p['alert-refs']).toBe('CTS-1 偵察');
    expect(p['noticed-at']).toBe('2026-11-21T08:15:00+09:00');
    expect(p['affected-hosts']).toEqual(['SKG-SV-WEB01']);
    // Only host-like indicators go into a host list.
    expect(p.destinations).toEqual(['203.0.113.24']);
    expect(p['utm-url-filter']).toBe('no');
    expect(p['fw-proxy']).toBe('yes');
    expect(p['caller-name']).toBeUndefined();
  });
});

describe('display', () => {
  it('reads answers in both languages', () => {
    const q = findQuestion(v1, 'noticed-at')!;
    expect(displayAnswer(q, '2026-11-21T08:15:00+09:00')).toEqual({
      ja: '2026/11/21 08:15',
      en: '2026/11/21 08:15',
    });
    const m = findQuestion(v1, 'actions-taken')!;
    expect(displayAnswer(m, ['av-scan', 'blocked']).en).toBe(
      'Ran an antivirus scan, Blocked the destination',
    );
  });
});

describe('caller check (002 別紙3 2(3))', () => {
  const contact = {
    name: '佐藤 美咲',
    nameKana: 'サトウ ミサキ',
    phone: '03-5550-0141',
    email: 'misaki.sato@sakuragawa-seiki.example',
  };

  it('forgives spacing, width, readings, +81 and letter case', () => {
    expect(
      checkCaller({ name: '佐藤美咲', phone: '０３（５５５０）０１４１', email: '' }, contact),
    ).toEqual({
      result: 'match',
      name: 'match',
      phone: 'match',
      email: 'missing',
    });
    expect(
      checkCaller(
        { name: 'さとう みさき', phone: '', email: 'Misaki.Sato@Sakuragawa-Seiki.example ' },
        contact,
      ).result,
    ).toBe('match');
    expect(
      checkCaller({ name: 'サトウミサキ', phone: '+81 3-5550-0141', email: '' }, contact).result,
    ).toBe('match');
  });

  it('is a mismatch when the person or both ways of reaching them differ', () => {
    expect(
      checkCaller({ name: '佐藤 健', phone: '03-5550-0141', email: '' }, contact),
    ).toMatchObject({
      result: 'mismatch',
      name: 'mismatch',
      phone: 'match',
    });
    expect(
      checkCaller({ name: '佐藤 美咲', phone: '090-0000-0000', email: '' }, contact),
    ).toMatchObject({
      result: 'mismatch',
      name: 'match',
      phone: 'mismatch',
    });
    expect(checkCaller({ name: '佐藤 美咲', phone: '', email: '' }, contact).result).toBe(
      'mismatch',
    );
  });
});

describe('suggested answers (002 別紙3 1(4))', () => {
  const alerts = [
    { id: 1, sourceId: 'CTS-1', titleJa: 'C&C', titleEn: 'C&C', threatKind: 'c2' as const },
    { id: 2, sourceId: 'CTS-2', titleJa: 'C&C 2', titleEn: 'C&C 2', threatKind: 'c2' as const },
  ];

  it('give the knowledge base text per inquiry type, once per kind', () => {
    const s = suggestAnswers({
      types: ['notice-unclear', 'impact', 'recommendations'],
      alerts,
      language: 'ja',
      perimeterMissing: false,
    });
    expect(s.map((x) => x.id)).toEqual(['notice-unclear:c2', 'impact:c2', 'recommendations:c2']);
    expect(s[0]!.paragraphs[0]).toBe(kbEntry('c2').summary.ja);
    expect(s[1]!.items.map((i) => i.text)).toEqual(kbEntry('c2').impactChecks.map((c) => c.ja));
    // Urgent actions first.
    const urgent = s[2]!.items.map((i) => i.urgent);
    expect(urgent).toEqual([...urgent].sort((a, b) => Number(b) - Number(a)));
  });

  it('propose the perimeter controls where the customer has neither (002 別紙2 2(3))', () => {
    const s = suggestAnswers({ types: ['impact'], alerts, language: 'en', perimeterMissing: true });
    expect(s.at(-1)?.kind).toBe('perimeter');
    expect(
      suggestAnswers({ types: ['impact'], alerts, language: 'en', perimeterMissing: false }).some(
        (x) => x.kind === 'perimeter',
      ),
    ).toBe(false);
  });
});
