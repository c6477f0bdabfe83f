/**
 * Crash safety of the hearing sheet (issue #8): "every change saved as you type" (autosave.ts:
 * at most 1 s after the first unsaved change). A first-line agent types into the sheet character
 * by character; the browser host is killed with SIGKILL mid-word, restarted on the same data dir,
 * and the inquiry reopened: the store passes `PRAGMA integrity_check` and the sheet holds every
 * character typed up to at least one second before the kill. A reload while typing loses nothing
 * (the unsent part waits in sessionStorage). The alert import's crash test is a unit test
 * (test/unit/hardening/crash-import.test.ts).
 */
import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openAs, startHostProcess, test, type HostProcess } from './fixtures';

// Tuesday 2026-11-24 10:00 JST, a business day.
const NOW = '2026-11-24T10:00:00+09:00';
const TEXT =
  '昨日の夕方から経理部の PC で不審な通信の通知が続いています。Is our file server affected?';
/** The autosave's promise (autosave.ts MAX_WAIT_MS). */
const LOSS_MS = 1000;

/** From an alert of the customer, through the reception form, to the call screen. */
async function newInquiry(page: Page, host: HostProcess): Promise<string> {
  const [alert] = host.query<{ id: number }>(
    "SELECT id FROM alerts WHERE customer_id = 'c-sakuragawa' AND threat_kind = 'c2' ORDER BY detected_at DESC LIMIT 1",
  );
  await page.goto(`${host.origin}/#/desk/new?alert=${alert!.id}`);
  await page.getByTestId('new-start').click();
  await expect(page.getByTestId('inquiry-page')).toBeVisible();
  return (await page.getByTestId('inquiry-id').textContent()) ?? '';
}

/** The saved answer to `question` in the store. */
function savedAnswer(host: HostProcess, id: string, question: string): string {
  const [row] = host.query<{ answers: string }>('SELECT answers FROM inquiries WHERE id = ?', id);
  const value = (JSON.parse(row?.answers ?? '{}') as Record<string, unknown>)[question];
  return typeof value === 'string' ? value : '';
}

/**
 * Types TEXT one character at a time (~15 per second) until `stopAfterMs`, then calls `stop`;
 * returns when each character was typed and when `stop` was called.
 */
async function typeUntil(page: Page, stopAfterMs: number, stop: () => Promise<void>) {
  await page.getByTestId('q-question').click();
  const typed: number[] = [];
  const t0 = Date.now();
  let stoppedAt = 0;
  for (const ch of TEXT) {
    await page.keyboard.type(ch);
    typed.push(Date.now());
    if (Date.now() - t0 >= stopAfterMs) {
      stoppedAt = Date.now();
      await stop();
      break;
    }
    await page.waitForTimeout(50);
  }
  expect(stoppedAt, 'stopped before the text ran out').toBeGreaterThan(0);
  return { typed, stoppedAt };
}

/** Characters typed by `at` (the length of the field's value then). */
const typedBy = (typed: number[], at: number) => typed.filter((t) => t <= at).length;

test.use({ locale: 'ja-JP' });

test('SIGKILL of the host while typing: integrity ok, at most the last second lost', async ({
  page,
}) => {
  const first = await startHostProcess(['--now', NOW]);
  const dataDir = first.dataDir;
  let second: Awaited<ReturnType<typeof startHostProcess>> | null = null;
  try {
    page.on('dialog', (d) => void d.accept());
    await openAs(page, first, 'p-minato');
    const id = await newInquiry(page, first);
    const { typed, stoppedAt } = await typeUntil(page, 3500, () => first.kill());
    const lastKeystroke = typed[typed.length - 1]!;
    expect(stoppedAt - lastKeystroke).toBeLessThan(100);

    // The store as the kill left it, opened with its key.
    expect(first.query<{ integrity_check: string }>('PRAGMA integrity_check')).toEqual([
      { integrity_check: 'ok' },
    ]);
    const saved = savedAnswer(first, id, 'question');
    const mustHave = typedBy(typed, stoppedAt - LOSS_MS);
    expect(mustHave).toBeGreaterThan(10);
    // A prefix of what was typed (never a garbled mix), and no shorter than 1 s before the kill.
    expect(TEXT.startsWith(saved)).toBe(true);
    expect([...saved].length).toBeGreaterThanOrEqual(mustHave);
    test.info().annotations.push({
      type: 'crash',
      description: `typed ${typed.length}, saved ${[...saved].length}, required ${mustHave}`,
    });

    // Restarted on the same data dir; the inquiry shows what the store kept.
    second = await startHostProcess(['--now', NOW], dataDir);
    await page.goto(second.url);
    await page.goto(`${second.origin}/#/desk/inquiries/${id}`);
    await expect(page.getByTestId('q-question')).toHaveValue(saved);
    expect(second.query<{ integrity_check: string }>('PRAGMA integrity_check')).toEqual([
      { integrity_check: 'ok' },
    ]);
  } finally {
    await first.kill();
    await second?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a reload while typing loses nothing typed before it', async ({
  page,
  host,
  consoleErrors,
}) => {
  page.on('dialog', (d) => void d.accept());
  await openAs(page, host, 'p-minato');
  const id = await newInquiry(page, host);
  const { typed } = await typeUntil(page, 2000, async () => void (await page.reload()));
  const expected = [...TEXT].slice(0, typed.length).join('');
  await expect(page.getByTestId('q-question')).toHaveValue(expected);
  await expect.poll(() => savedAnswer(host, id, 'question')).toBe(expected);
  expect(consoleErrors).toEqual([]);
});
