/**
 * The executive summary: a few plain sentences, in the report's language, written from the report's
 * own figures (never typed by hand, so it cannot disagree with the tables). It says what happened,
 * what deserves attention first and what the reader can claim or must decide, and explains the most
 * frequent threat class with the knowledge base's wording for a non-specialist (assets/kb).
 */
import { OPEN_ALERT_STATUSES, THREAT_CLASSES, type Language } from '../catalog';
import { UNHEALTHY_STATUSES } from '../devices';
import { kbClass } from '../kb';
import { POST_COMPROMISE } from './compose';
import type { Report, ReportBody } from './schema';
import { formatter, translator } from './text';

/** The first sentence of a knowledge-base text (they are 2–4 sentences). */
function firstSentence(text: string, lang: Language): string {
  const end = lang === 'ja' ? text.indexOf('。') : text.search(/\.(\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}

const nameOf = (body: ReportBody, id: string) =>
  body.customers.find((c) => c.id === id)?.name[body.language] ?? id;

export function executiveSummary(body: ReportBody): Report['summary'] {
  const lang = body.language;
  const t = translator(lang);
  const f = formatter(lang);
  const month = f.month(body.month);
  const a = body.alerts;
  const points: string[] = [];

  let headline: string;
  if (a.total === 0) headline = t('reports:summary.headline.none', { month });
  else if (a.previousTotal === 0)
    headline = t('reports:summary.headline.first', { month, count: a.total });
  else {
    const change = Math.round(((a.total - a.previousTotal) / a.previousTotal) * 100);
    const trend =
      change > 0
        ? t('reports:summary.change.up', { pct: change })
        : change < 0
          ? t('reports:summary.change.down', { pct: -change })
          : t('reports:summary.change.same');
    headline = t('reports:summary.headline.some', {
      month,
      count: a.total,
      previous: a.previousTotal,
      change: trend,
    });
  }
  if (body.inProgress) {
    points.push(t('reports:summary.inProgress', { date: f.date(body.generatedAt) }));
  }

  if (a.total > 0) {
    const urgent = a.bySeverity.critical + a.bySeverity.high;
    const open = OPEN_ALERT_STATUSES.reduce((n, s) => n + a.byStatus[s], 0);
    points.push(
      urgent === 0
        ? t('reports:summary.severity.none')
        : t('reports:summary.severity.some', { count: urgent }),
    );
    if (open > 0) points.push(t('reports:summary.open', { count: open }));
    const top = [...THREAT_CLASSES].sort((x, y) => a.byClass[y] - a.byClass[x])[0]!;
    points.push(
      t('reports:summary.topClass', {
        label: t(`catalog:threatClass.${top}`),
        count: a.byClass[top],
        pct: Math.round((a.byClass[top] / a.total) * 100),
        // The knowledge base speaks to a customer ("your company"); a partner's portfolio skips it.
        explain: body.kind === 'portfolio' ? '' : firstSentence(kbClass(top).summary[lang], lang),
      }).trim(),
    );
    const host = body.topHosts[0];
    if (host) {
      points.push(
        body.kind === 'portfolio'
          ? t('reports:summary.topHostPortfolio', {
              host: host.host,
              customer: nameOf(body, host.customerId),
              count: host.count,
            })
          : t('reports:summary.topHost', { host: host.host, count: host.count }),
      );
    }
    const post = body.killChain.phases
      .filter((p) => POST_COMPROMISE.includes(p.phase))
      .reduce((n, p) => n + p.reported + p.typical, 0);
    points.push(
      post > 0
        ? t('reports:summary.killChain.post', { count: post })
        : t('reports:summary.killChain.early'),
    );
  }

  points.push(...slaSentences(body));
  points.push(...deviceSentences(body));
  points.push(...deskSentences(body));
  points.push(...contractSentences(body));
  return { headline, points };
}

function slaSentences(body: ReportBody): string[] {
  const t = translator(body.language);
  const f = formatter(body.language);
  const out: string[] = [];
  const csoc = body.sla.filter((s) => s.service === 'iij-c-soc' && s.ledger.incidents);
  if (csoc.length > 0) {
    const sum = (k: 'important' | 'within' | 'late') =>
      csoc.reduce((n, s) => n + (s.ledger.incidents?.[k] ?? 0), 0);
    const important = sum('important');
    if (important === 0) out.push(t('reports:summary.sla.noIncidents'));
    else {
      let s = t('reports:summary.sla.notices', { important, count: sum('within') });
      if (sum('late') > 0) s += t('reports:summary.sla.late', { count: sum('late') });
      out.push(s);
    }
  }
  // The credits of every service and contract, and the first deadline still open.
  const credit = body.sla.reduce((n, s) => n + s.ledger.creditTotal, 0);
  const next = body.sla
    .flatMap((s) => s.ledger.deadlines)
    .filter((d) => d.state !== 'lapsed')
    .sort((x, y) => x.date.localeCompare(y.date))[0];
  const breached = body.sla.some((s) => s.ledger.guarantee === 'breached');
  if (breached) out.push(t('reports:summary.sla.breached'));
  if (credit > 0) {
    out.push(
      next
        ? t('reports:summary.sla.credit', { amount: f.yen(credit), date: f.date(next.date) })
        : t('reports:summary.sla.lapsed', { amount: f.yen(credit) }),
    );
  } else if (!breached && body.sla.some((s) => s.ledger.guarantee === 'held')) {
    out.push(t('reports:summary.sla.held'));
  }
  return out;
}

function deviceSentences(body: ReportBody): string[] {
  const t = translator(body.language);
  const f = formatter(body.language);
  if (body.devices.length === 0) return [];
  const unhealthy = body.devices.filter((d) => UNHEALTHY_STATUSES.includes(d.status));
  const out = [
    unhealthy.length === 0
      ? t('reports:summary.devices.healthy', { count: body.devices.length })
      : t('reports:summary.devices.attention', {
          total: body.devices.length,
          count: unhealthy.length,
          names: unhealthy
            .slice(0, 3)
            .map((d) => `${d.name}: ${t(`devices:status.${d.status}`)}`)
            .join(t('reports:format.listSeparator')),
        }),
  ];
  const measured = body.devices.filter((d) => d.expected > 0);
  if (measured.length > 0) {
    const ratio =
      measured.reduce((n, d) => n + d.reported, 0) / measured.reduce((n, d) => n + d.expected, 0);
    out.push(t('reports:summary.devices.uptime', { pct: f.percent(ratio, 2) }));
  }
  return out;
}

function deskSentences(body: ReportBody): string[] {
  const t = translator(body.language);
  const f = formatter(body.language);
  const d = body.desk;
  if (d.side === 'customer') {
    return d.prepared === 0
      ? []
      : [t('reports:summary.desk.customer', { count: d.prepared, sent: d.sent })];
  }
  if (d.received === 0) return [t('reports:summary.desk.none')];
  const out = [
    d.firstAnswer.rate === null
      ? t('reports:summary.desk.pending', { count: d.received })
      : t('reports:summary.desk.rate', {
          count: d.received,
          onTime: d.firstAnswer.onTime,
          pct: f.percent(d.firstAnswer.rate, 0),
        }),
  ];
  if (d.escalated > 0) out.push(t('reports:summary.desk.escalated', { count: d.escalated }));
  return out;
}

function contractSentences(body: ReportBody): string[] {
  const t = translator(body.language);
  const f = formatter(body.language);
  const rows = [...body.contracts.rows].sort((x, y) => x.date.localeCompare(y.date));
  const days = body.contracts.horizonDays;
  const first = rows[0];
  if (!first) return [t('reports:summary.contracts.none', { days })];
  let s = t('reports:summary.contracts.some', {
    days,
    count: rows.length,
    date: f.date(first.date),
    what: t(`reports:deadline.${first.kind}`),
    service: t(`catalog:service.${first.service}`),
  });
  const action = rows.filter((r) => r.actionNeeded).length;
  if (action > 0) s += t('reports:summary.contracts.action', { count: action });
  return [s];
}
