/**
 * The shipped hearing-sheet template: what it asks, which follow-up questions its conditions show,
 * and the validation of a sheet before escalation (required answers, hosts, dates, options).
 */
import { describe, expect, it } from 'vitest';
import {
  findQuestion,
  isHostOrIp,
  parseTemplate,
  progress,
  splitHosts,
  validateForEscalation,
  type Answers,
} from '../../../shared/hearing-sheet';
import { ids, v1 } from './sheet-setup';

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
