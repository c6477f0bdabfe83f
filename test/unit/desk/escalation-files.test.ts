/**
 * Saving the escalation package to a folder, to send it to the second line another way
 * (002 別紙3 1(2)③): one folder dialog, `<packageId>.pdf` and `<packageId>.json` written into a
 * real temporary folder, never over an existing file, the delivery recorded as 'file' in the
 * deliveries, the timeline and the audit log; a folder that cannot be written is a typed error that
 * keeps the package, and the next try works.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EscalationPackage } from '../../../shared/hearing-sheet';
import { numberedName } from '../../../electron/services/files/folder';
import { tempDir, testApp } from '../helpers';
import { auditOf, call, fakePrinter, readyInquiry, refusal, type App } from './util';

/** The desktop app's dialogs, the folder one answering from a list (null: cancelled). */
function folderDialog(app: App, answers: Array<string | null>): { asked: number } {
  const state = { asked: 0 };
  app.ctx.dialogs = {
    open: () => Promise.resolve(null),
    save: () => Promise.resolve(null),
    folder: () => {
      state.asked++;
      return Promise.resolve(answers.shift() ?? null);
    },
  };
  return state;
}

/** An escalated inquiry with its package (PDF printed), and the package's two file references. */
async function escalated(app: App) {
  fakePrinter(app);
  const inquiryId = await readyInquiry(app);
  const pkg = await call(app, 'desk.escalate', { inquiryId, language: 'ja' });
  const files = async () => [
    (await call(app, 'desk.packageFile', { packageId: pkg.packageId, part: 'pdf' })).fileId,
    (await call(app, 'desk.packageFile', { packageId: pkg.packageId, part: 'json' })).fileId,
  ];
  return { inquiryId, pkg, files };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('saving the escalation package to a folder', () => {
  it('writes <packageId>.pdf and .json into the chosen folder and records a file delivery', async () => {
    const app = testApp();
    const { inquiryId, pkg, files } = await escalated(app);
    const dir = tempDir('socdesk-package-');
    const dialog = folderDialog(app, [dir]);
    const saved = await call(app, 'files.saveToFolder', { fileIds: await files() });
    expect(dialog.asked).toBe(1);
    expect(saved).toEqual({
      saved: true,
      folder: dir,
      names: [`${pkg.packageId}.pdf`, `${pkg.packageId}.json`],
    });
    expect(readdirSync(dir).sort()).toEqual([`${pkg.packageId}.json`, `${pkg.packageId}.pdf`]);
    const json = readFileSync(join(dir, `${pkg.packageId}.json`));
    expect(sha256(json)).toBe(pkg.sha256);
    expect((JSON.parse(json.toString('utf8')) as EscalationPackage).packageId).toBe(pkg.packageId);
    expect(readFileSync(join(dir, `${pkg.packageId}.pdf`), 'latin1')).toBe(
      `%PDF-1.7 fake /print/desk/package/${pkg.packageId}\n%%EOF\n`,
    );

    await call(app, 'desk.recordFileDelivery', { packageId: pkg.packageId });
    const d = await call(app, 'desk.get', { inquiryId });
    expect(d.inquiry.escalation?.deliveries).toEqual([
      { at: app.ctx.clock.now(), method: 'file', ok: true, error: null },
    ]);
    expect(d.inquiry.status).toBe('escalated');
    expect(d.timeline.at(-1)).toMatchObject({
      action: 'package.delivered',
      to: `file:${pkg.packageId}`,
    });
    expect(auditOf(app, inquiryId).at(-1)).toEqual({
      action: 'package.delivered',
      from_value: null,
      to_value: `file:${pkg.packageId}`,
      actor: 'partner:p-minato',
    });
    // Both files made for saving are in the audit log as exports of the package (docs/privacy.md).
    expect(
      app.db
        .prepare(
          "SELECT count(*) AS n FROM audit_log WHERE action = 'export' AND entity = 'package' AND entity_id = ?",
        )
        .get(pkg.packageId),
    ).toEqual({ n: 2 });
  });

  it('never writes over a file already there: the pair takes the next free number', async () => {
    const app = testApp();
    const { pkg, files } = await escalated(app);
    const dir = tempDir('socdesk-package-');
    // Only the JSON's name is taken: the PDF copied first under its plain name must not stay.
    writeFileSync(join(dir, `${pkg.packageId}.json`), 'an older copy, kept');
    writeFileSync(join(dir, `${pkg.packageId} (2).pdf`), 'another file, kept');
    folderDialog(app, [dir, dir]);
    const first = await call(app, 'files.saveToFolder', { fileIds: await files() });
    expect(first.names).toEqual([`${pkg.packageId} (3).pdf`, `${pkg.packageId} (3).json`]);
    const second = await call(app, 'files.saveToFolder', { fileIds: await files() });
    expect(second.names).toEqual([`${pkg.packageId} (4).pdf`, `${pkg.packageId} (4).json`]);
    expect(readdirSync(dir).sort()).toEqual(
      [
        `${pkg.packageId}.json`,
        `${pkg.packageId} (2).pdf`,
        `${pkg.packageId} (3).pdf`,
        `${pkg.packageId} (3).json`,
        `${pkg.packageId} (4).pdf`,
        `${pkg.packageId} (4).json`,
      ].sort(),
    );
    expect(readFileSync(join(dir, `${pkg.packageId}.json`), 'utf8')).toBe('an older copy, kept');
    expect(readFileSync(join(dir, `${pkg.packageId} (2).pdf`), 'utf8')).toBe('another file, kept');
    expect(sha256(readFileSync(join(dir, `${pkg.packageId} (4).json`)))).toBe(pkg.sha256);
  });

  it('a folder that cannot be written is a typed error; the package stays and a retry works', async () => {
    const app = testApp();
    const { inquiryId, pkg, files } = await escalated(app);
    const parent = tempDir('socdesk-package-');
    // A folder gone since it was chosen (an unplugged drive), and a "folder" that is a file.
    const gone = join(parent, 'unplugged');
    const notAFolder = join(parent, 'a-file');
    writeFileSync(notAFolder, 'not a folder');
    const dir = tempDir('socdesk-package-ok-');
    folderDialog(app, [gone, notAFolder, dir]);
    for (const folder of [gone, notAFolder]) {
      expect(await refusal(app, 'files.saveToFolder', { fileIds: await files() })).toEqual({
        code: 'unavailable',
        message: 'errors:folder_not_writable',
        params: { folder },
      });
    }
    expect(readdirSync(parent).sort()).toEqual(['a-file']);
    expect(readFileSync(notAFolder, 'utf8')).toBe('not a folder');
    // Nothing was recorded as delivered, and the package is as it was.
    const before = await call(app, 'desk.get', { inquiryId });
    expect(before.inquiry.status).toBe('escalated');
    expect(before.inquiry.escalation).toMatchObject({
      packageId: pkg.packageId,
      sha256: pkg.sha256,
      hasPdf: true,
      deliveries: [],
    });
    // The retry, into a folder that can be written.
    const saved = await call(app, 'files.saveToFolder', { fileIds: await files() });
    expect(saved).toMatchObject({ saved: true, folder: dir });
    await call(app, 'desk.recordFileDelivery', { packageId: pkg.packageId });
    expect(sha256(readFileSync(join(dir, `${pkg.packageId}.json`)))).toBe(pkg.sha256);
    const after = await call(app, 'desk.get', { inquiryId });
    expect(after.inquiry.escalation?.deliveries.map((x) => [x.method, x.ok])).toEqual([
      ['file', true],
    ]);
  });

  it('a cancelled dialog writes nothing', async () => {
    const app = testApp();
    const { files } = await escalated(app);
    const dialog = folderDialog(app, [null]);
    expect(await call(app, 'files.saveToFolder', { fileIds: await files() })).toEqual({
      saved: false,
      folder: null,
      names: [],
    });
    expect(dialog.asked).toBe(1);
  });

  it('checks every file before any dialog opens, and needs the desktop app', async () => {
    const app = testApp();
    const { files } = await escalated(app);
    const fileIds = await files();
    // The browser host has no folder dialog: it downloads each file instead.
    expect(await refusal(app, 'files.saveToFolder', { fileIds })).toMatchObject({
      code: 'unsupported',
    });
    const dialog = folderDialog(app, [tempDir()]);
    expect(
      await refusal(app, 'files.saveToFolder', { fileIds: [fileIds[0]!, 'A'.repeat(24)] }),
    ).toMatchObject({ code: 'not_found' });
    // Another partner's profile does not see this customer's package files.
    await call(app, 'session.setProfile', { kind: 'partner', id: 'p-hokuto' });
    expect(await refusal(app, 'files.saveToFolder', { fileIds })).toMatchObject({
      code: 'not_found',
    });
    expect(
      await refusal(app, 'files.saveToFolder', { fileIds: [fileIds[0]!, fileIds[0]!] }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(dialog.asked).toBe(0);
  });

  it('numbers a name before its extension', () => {
    expect(numberedName('ESC-20261124-0A1B2C3D.pdf', 1)).toBe('ESC-20261124-0A1B2C3D.pdf');
    expect(numberedName('ESC-20261124-0A1B2C3D.json', 2)).toBe('ESC-20261124-0A1B2C3D (2).json');
    expect(numberedName('README', 3)).toBe('README (3)');
  });
});
