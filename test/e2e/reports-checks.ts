/**
 * Checks of a monthly report's print output, shared by the report e2e tests: the PDF (pdfinfo,
 * pdftotext, pdffonts, pdftoppm from poppler-utils) and the print layout as the printer lays it out
 * (every chart inside its page's part, nothing wider than the page).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Each part's heading of a portfolio report, in print order (a customer's has no portfolio). */
export const PAGES = {
  ja: [
    'SOC Desk 月次セキュリティレポート',
    '顧客別の概況',
    'アラートの傾向',
    '影響を受けたホストと攻撃の段階',
    'SLA（品質保証）',
    '機器の状態と稼働率',
    'お問い合わせとエスカレーション',
  ],
  en: [
    'SOC Desk monthly security report',
    'Customers at a glance',
    'Alert trends',
    'Affected hosts and attack stages',
    'SLA (quality guarantee)',
    'Device health and uptime',
    'Inquiries and escalations',
  ],
} as const;

const POPPLER = ['pdfinfo', 'pdftotext', 'pdffonts', 'pdftoppm'];
const poppler = POPPLER.every((tool) => existsSync(`/usr/bin/${tool}`));

export interface PdfExpectation {
  lang: 'ja' | 'en';
  /** Each page's heading, in order: the page count is their number. */
  headings: readonly string[];
  /** Text the document holds somewhere (names, the summary's heading). */
  texts: readonly string[];
  /** Where the pages are rendered to PNG for a person to look at: test-results/<name>/. */
  name: string;
}

/**
 * The PDF: A4, one page per part with its heading, page numbers "n / N", embedded fonts, text in
 * its language, and one PNG per page once rendered. Without poppler the check is only skipped on
 * a developer's machine; CI (.ci/run installs poppler-utils) fails instead of passing unseen.
 */
export function checkPdf(file: string, want: PdfExpectation) {
  if (!poppler) {
    expect(process.env.CI, `poppler-utils (${POPPLER.join(', ')}) missing in CI`).toBeFalsy();
    test.info().annotations.push({ type: 'skip-check', description: 'poppler-utils missing' });
    return;
  }
  const pages = want.headings.length;
  const info = execFileSync('pdfinfo', [file]).toString();
  expect(info).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
  expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(pages);
  want.headings.forEach((heading, i) => {
    const n = String(i + 1);
    const text = execFileSync('pdftotext', ['-f', n, '-l', n, '-layout', file, '-']).toString();
    expect(text, `page ${n}`).toContain(heading);
    // The footer: "n / N".
    expect(text.replace(/\s/g, ''), `page ${n}`).toContain(`${n}/${pages}`);
  });
  const all = execFileSync('pdftotext', [file, '-']).toString();
  for (const t of want.texts) expect(all).toContain(t);
  if (want.lang === 'en') expect(all).not.toMatch(/[ぁ-んァ-ヶ]/);
  else expect(all).toMatch(/[ぁ-んァ-ヶ一-龠]{8}/);
  // Every font is embedded (Japanese glyphs included).
  const fonts = execFileSync('pdffonts', [file]).toString().trim().split('\n').slice(2);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f.split(/\s+/).at(-5), f).toBe('yes');
  // Rendered to PNG, one image per page (look at them: test-results/<name>/page-N.png).
  const dir = join('test-results', want.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, 'page')]);
  expect(readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f))).toHaveLength(pages);
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface PartLayout {
  page: string;
  box: Box;
  overflow: number;
  charts: Array<{ wrapper: Box; svg: Box | null; overflow: number }>;
  /** Elements whose right edge passes the part's. */
  outside: string[];
}

interface Layout {
  /** scrollWidth − clientWidth of the page and of the document. */
  page: number;
  doc: { box: Box; overflow: number; outside: string[] };
  parts: PartLayout[];
}

/** Run in the page (plain JS: this project's e2e code is typed without the DOM). */
const LAYOUT_PROBE = `(() => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  };
  const over = (el) => el.scrollWidth - el.clientWidth;
  const name = (el) => el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '') +
    ' (' + Math.round(el.getBoundingClientRect().width) + ' px: ' + (el.textContent || '').slice(0, 40) + ')';
  const past = (root, right) => [...root.querySelectorAll('*')]
    .filter((el) => el.getBoundingClientRect().right > right + 0.5).map(name);
  const doc = document.querySelector('.rpt-print');
  return {
    page: over(document.documentElement),
    doc: { box: box(doc), overflow: over(doc), outside: past(doc, box(doc).right) },
    parts: [...doc.querySelectorAll('.rpt-page')].map((part) => {
      const b = box(part);
      return {
        page: part.getAttribute('data-page') || '?',
        box: b,
        overflow: over(part),
        charts: [...part.querySelectorAll('.recharts-wrapper')].map((w) => {
          const svg = w.querySelector('svg');
          return { wrapper: box(w), svg: svg && box(svg), overflow: over(w) };
        }),
        outside: past(part, b.right),
      };
    }),
  };
})()`;

/**
 * The print route as the printer lays it out (print media): every chart (recharts wrapper and its
 * SVG) lies inside its part's box, and no part, chart or the document is wider than it shows
 * (scrollWidth ≤ clientWidth) — a chart cut at the page edge would fail here.
 */
export async function checkPrintLayout(page: Page, parts: number) {
  await page.emulateMedia({ media: 'print' });
  try {
    const layout = await page.evaluate<Layout>(LAYOUT_PROBE);
    expect(layout.page, 'the page scrolls sideways').toBeLessThanOrEqual(0);
    expect(layout.doc.outside, 'elements past the document’s right edge').toEqual([]);
    expect(layout.doc.overflow, 'the document is wider than its box').toBeLessThanOrEqual(0);
    expect(layout.parts).toHaveLength(parts);
    const inside = (inner: Box, outer: Box) =>
      inner.left >= outer.left - 0.5 &&
      inner.right <= outer.right + 0.5 &&
      inner.top >= outer.top - 0.5 &&
      inner.bottom <= outer.bottom + 0.5;
    const charts = layout.parts.flatMap((p) => p.charts);
    expect(charts.length, 'the report has charts').toBeGreaterThanOrEqual(3);
    for (const p of layout.parts) {
      expect(inside(p.box, layout.doc.box), `part ${p.page} inside the document`).toBe(true);
      expect(p.overflow, `part ${p.page} is wider than its box`).toBeLessThanOrEqual(0);
      expect(p.outside, `part ${p.page}: elements past its right edge`).toEqual([]);
      for (const [i, c] of p.charts.entries()) {
        const where = `part ${p.page}, chart ${i + 1}`;
        expect(inside(c.wrapper, p.box), `${where} inside its part`).toBe(true);
        expect(c.svg && inside(c.svg, c.wrapper), `${where}: its SVG inside the wrapper`).toBe(
          true,
        );
        expect(c.overflow, `${where} is wider than its box`).toBeLessThanOrEqual(0);
      }
    }
  } finally {
    await page.emulateMedia({ media: null });
  }
}
