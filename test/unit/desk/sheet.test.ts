import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SHIPPED_TEMPLATES,
  checkCaller,
  displayAnswer,
  findQuestion,
  isHostOrIp,
  parseTemplate,
  parseTemplateText,
  prefill,
  progress,
  renderSheet,
  splitHosts,
  suggestAnswers,
  validateForEscalation,
  visibleQuestions,
  type Answers,
  type Template,
} from '../../../shared/hearing-sheet';
import { kbEntry } from '../../../shared/kb';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'hearing-sheets');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const v1 = SHIPPED_TEMPLATES[0]!;
const ids = (t: Template, a: Answers) => visibleQuestions(t, a).map((q) => q.id);

describe('the shipped template', () => {
  it('covers what the second line needs (issue #6)', () => {
    const all = v1.sections.flatMap((s) => s.questions.map((q) => q.id));
    for (const id of [
      'company-name',
      'caller-name',
      'alert-refs',
      'inquiry-type',
      'noticed-at',
      'what-seen',
      'affected-hosts',
      'affected-users',
      'actions-taken',
      'utm-url-filter',
      'fw-proxy',
      'urgency',
      'callback-phone',
    ])
      expect(all).toContain(id);
    const type = findQuestion(v1, 'inquiry-type');
    expect(type?.kind === 'multi' && type.options.map((o) => o.value)).toEqual([
      'notice-unclear',
      'impact',
      'recommendations',
      'device-failure',
      'contract',
      'other',
    ]);
    // Every kind of question the format has is used.
    expect(new Set(v1.sections.flatMap((s) => s.questions.map((q) => q.kind)))).toEqual(
      new Set(['text', 'choice', 'multi', 'datetime', 'hosts', 'yesno']),
    );
  });
});

describe('conditions', () => {
  it('show follow-up questions only when an earlier answer says so', () => {
    expect(ids(v1, {})).not.toContain('device-symptom');
    expect(ids(v1, { 'inquiry-type': ['device-failure'] })).toContain('device-symptom');
    expect(ids(v1, { 'inquiry-type': ['impact'] })).not.toContain('device-symptom');
    // anyOf on a multi: any ticked value counts.
    expect(ids(v1, { 'inquiry-type': ['impact', 'contract'] })).toContain('contract-topic');
    // equals on a yes/no
    expect(ids(v1, { 'utm-url-filter': 'yes' })).toContain('perimeter-blocked');
    expect(ids(v1, { 'utm-url-filter': 'yes' })).not.toContain('fw-proxy');
    expect(ids(v1, { 'utm-url-filter': 'no' })).toContain('fw-proxy');
    // answered: shown as soon as anything is ticked
    expect(ids(v1, { 'actions-taken': [] })).not.toContain('actions-detail');
    expect(ids(v1, { 'actions-taken': ['av-scan'] })).toContain('actions-detail');
  });

  it('hide a chain together when the first answer changes', () => {
    const t = parseTemplate({
      format: 'soc-desk.hearing-sheet-template',
      formatVersion: 1,
      id: 'chain',
      version: 1,
      title: { ja: 'テスト', en: 'Test' },
      issuedBy: { ja: 'テスト', en: 'Test' },
      issuedOn: '2026-01-01',
      sections: [
        {
          id: 's',
          title: { ja: '節', en: 'Section' },
          questions: [
            { id: 'a', kind: 'yesno', label: { ja: 'A', en: 'A' } },
            {
              id: 'b',
              kind: 'yesno',
              label: { ja: 'B', en: 'B' },
              required: true,
              showIf: [{ question: 'a', equals: 'yes' }],
            },
            {
              id: 'c',
              kind: 'text',
              label: { ja: 'C', en: 'C' },
              required: true,
              showIf: [{ question: 'b', equals: 'yes' }],
            },
          ],
        },
      ],
    });
    if (!t.ok) throw new Error(JSON.stringify(t.issues));
    expect(ids(t.template, { a: 'yes', b: 'yes' })).toEqual(['a', 'b', 'c']);
    // b still says yes, but b is hidden: c goes with it, and neither is required any more.
    expect(ids(t.template, { a: 'no', b: 'yes' })).toEqual(['a']);
    expect(validateForEscalation(t.template, { a: 'no', b: 'yes' })).toEqual([]);
    expect(validateForEscalation(t.template, { a: 'yes', b: 'yes' })).toEqual([
      { questionId: 'c', code: 'required' },
    ]);
  });
});

describe('validation before escalation', () => {
  const complete: Answers = {
    'company-name': '桜川精機株式会社',
    'caller-name': '佐藤 美咲',
    'alert-refs': 'CTS-20261121-SKG-0005',
    'inquiry-type': ['impact'],
    question: '影響があるか知りたい',
    'noticed-at': '2026-11-21T09:30:00+09:00',
    'what-seen': 'ポータルで通知を確認',
    'affected-hosts': ['SKG-PC-KEIRI-018', '192.168.10.18'],
    'utm-url-filter': 'no',
    'fw-proxy': 'no',
    urgency: 'single-device',
    'callback-phone': '03-5550-0141',
  };

  it('passes a complete sheet and names each missing required answer', () => {
    expect(validateForEscalation(v1, complete)).toEqual([]);
    const { question: _q, 'fw-proxy': _f, ...missing } = complete;
    expect(validateForEscalation(v1, missing).map((i) => i.questionId)).toEqual([
      'question',
      'fw-proxy',
    ]);
    expect(progress(v1, complete)).toEqual({ required: 12, done: 12 });
  });

  it('requires the follow-ups that a choice brings in', () => {
    const r = validateForEscalation(v1, { ...complete, urgency: 'business-stopped' });
    expect(r).toEqual([{ questionId: 'business-impact', code: 'required' }]);
  });

  it('refuses malformed answers with a reason', () => {
    expect(
      validateForEscalation(v1, { ...complete, 'affected-hosts': ['SKG-PC-01', 'not a host!'] }),
    ).toEqual([
      { questionId: 'affected-hosts', code: 'invalidHost', params: { entry: 'not a host!' } },
    ]);
    expect(validateForEscalation(v1, { ...complete, 'noticed-at': '2026-11-21 09:30' })).toEqual([
      { questionId: 'noticed-at', code: 'invalidDateTime' },
    ]);
    expect(validateForEscalation(v1, { ...complete, urgency: 'panic' })).toEqual([
      { questionId: 'urgency', code: 'unknownOption' },
    ]);
  });

  it('knows host names, IPv4/IPv6 addresses and ranges', () => {
    for (const ok of [
      'SKG-PC-KEIRI-018',
      'mail.example.co.jp',
      '192.168.10.18',
      '10.0.0.0/8',
      '2001:db8::1',
      'fe80::/10',
    ])
      expect({ ok, valid: isHostOrIp(ok) }).toEqual({ ok, valid: true });
    for (const bad of ['', '999.1.1.1', '10.0.0.0/33', 'a b', 'http://x.example/', '-bad-'])
      expect({ bad, valid: isHostOrIp(bad) }).toEqual({ bad, valid: false });
    expect(splitHosts('PC-1\nPC-2, 10.0.0.1、PC-1')).toEqual(['PC-1', 'PC-2', '10.0.0.1']);
  });
});

describe('template files', () => {
  it('locate a condition that points forward, by path and line', () => {
    const r = parseTemplateText(fixture('bad-forward-condition.json'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        path: 'sections.2.questions.1.showIf.0.question',
        line: 210,
        message: 'desk:template.issue.conditionTarget',
        params: { id: 'urgency' },
      },
    ]);
  });

  it('locate schema problems and syntax errors', () => {
    const r = parseTemplateText(fixture('bad-schema.json'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.path).toBe('sections.0.questions.0.options');
      // The missing key is reported at the question that lacks it.
      expect(r.issues[0]?.line).toBe(27);
    }
    const s = parseTemplateText(fixture('syntax-error.txt'));
    expect(s).toEqual({
      ok: false,
      issues: [{ path: '(file)', line: 5, message: 'errors:issue.not_json' }],
    });
  });

  it('refuse duplicate ids, unknown option values and prefills of the wrong kind', () => {
    const t = JSON.parse(fixture('cts-incident-support.v2.json')) as Template;
    t.sections[0]!.questions.push({ ...t.sections[0]!.questions[0]! });
    (t.sections[2]!.questions[2] as { showIf: unknown }).showIf = [
      { question: 'inquiry-type', anyOf: ['nonsense'] },
    ];
    (t.sections[0]!.questions[1] as { prefill: string }).prefill = 'alerts.hosts';
    const r = parseTemplate(t);
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual([
      'desk:template.issue.prefillKind',
      'desk:template.issue.duplicateQuestion',
      'desk:template.issue.conditionValue',
    ]);
  });
});

describe('version changes', () => {
  const v2r = parseTemplateText(fixture('cts-incident-support.v2.json'));
  if (!v2r.ok) throw new Error('fixture v2 must be valid');
  const v2 = v2r.template;
  const answers: Answers = {
    'inquiry-type': ['notice-unclear'],
    'unclear-points': '英語の意味がわからない',
    'utm-url-filter': 'unknown',
  };

  it('a sheet filled with v1 still renders with v1 after v2 dropped a question', () => {
    const sections = renderSheet(v1, answers);
    const inquiry = sections.find((s) => s.id === 'inquiry')!;
    expect(inquiry.answers.map((a) => [a.questionId, a.display.ja])).toEqual([
      ['inquiry-type', '通知内容がわからない（日本語で説明してほしい）'],
      ['unclear-points', '英語の意味がわからない'],
    ]);
    expect(sections.find((s) => s.id === 'perimeter')!.answers[0]!.display).toEqual({
      ja: 'わからない',
      en: 'Not known',
    });
  });

  it('the same answers under v2 show the new question and no longer the dropped one', () => {
    expect(ids(v2, answers)).toContain('english-notice');
    expect(ids(v2, answers)).not.toContain('unclear-points');
    expect(validateForEscalation(v2, answers).map((i) => i.questionId)).toContain('english-notice');
  });
});

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
