import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateWorld } from '../../shared/demo';
import { onePartnerWorld } from '../../shared/demo/one-partner';
import { openStore, setSetting, type Db } from '../store/database';
import { loadOrCreateKey, type KeyStore } from '../store/keys';
import { insertWorld } from '../store/world';
import {
  storeOnlyBox,
  type Dialogs,
  type Clock,
  type Emit,
  type PdfPrinter,
  type SecretBox,
  type ServiceContext,
} from './context';
import { recoverImports } from './alerts/import-job';
import { createDispatch, type Dispatch } from './dispatch';
import { FileRegistry } from './files/registry';
import { handlers } from './handlers';
import { startSync, stopSync } from './sync/service';
import { withTenancyGuards } from './system/tenancy';
import { withExportAudit } from './privacy/export-audit';
import { startRetention, stopRetention } from './privacy/retention';

export const STORE_FILE = 'socdesk.db';

export interface AppOptions {
  dataDir: string;
  keys: KeyStore;
  clock: Clock;
  host: ServiceContext['host'];
  version: string;
  emit?: Emit;
  secrets?: SecretBox;
  pdf?: PdfPrinter | null;
  dialogs?: Dialogs | null;
  /** Load the embedded demo world into an empty store (the default on first start). */
  demo?: boolean;
  /** Load only this partner's part of the demo world (a partner's own installation). */
  demoPartner?: string;
}

export interface AppServices {
  ctx: ServiceContext;
  db: Db;
  dispatch: Dispatch;
  close(): void;
}

/**
 * Opens the store in the data dir (creating both on first start), loads the demo world into an
 * empty store, and wires the services: the same for Electron and the browser host.
 */
export function createAppServices(opts: AppOptions): AppServices {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const file = join(opts.dataDir, STORE_FILE);
  const key = loadOrCreateKey(opts.keys, existsSync(file));
  const db = openStore({ file, key });
  const listeners: Emit = opts.emit ?? (() => undefined);
  const ctx: ServiceContext = {
    db,
    clock: opts.clock,
    emit: listeners,
    secrets: opts.secrets ?? storeOnlyBox,
    pdf: opts.pdf ?? null,
    files: new FileRegistry(join(opts.dataDir, 'tmp')),
    dialogs: opts.dialogs ?? null,
    store: { file, key },
    host: opts.host,
    dataDir: opts.dataDir,
    version: opts.version,
  };
  const empty = (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n === 0;
  if (empty && opts.demo !== false) {
    const full = generateWorld({ now: opts.clock.now() });
    const world = opts.demoPartner ? onePartnerWorld(full, opts.demoPartner) : full;
    db.transaction(() => {
      insertWorld(db, world);
      setSetting(db, 'demo', '1');
    })();
  }
  // An import a crash interrupted is undone in the background from now on; its rows stay hidden
  // from every read until then (alerts/hidden.ts), so start-up does not wait for it.
  recoverImports(ctx);
  startSync(ctx); // the feed connector's schedule (issue #7); idle until a feed is configured
  startRetention(ctx); // personal data past its retention: now, then daily (docs/privacy.md)
  const close = () => {
    stopSync(ctx);
    stopRetention(ctx);
    // ctx.db, not db: a restore swaps the connection.
    ctx.db.close();
  };
  return {
    ctx,
    db,
    dispatch: createDispatch(withTenancyGuards(withExportAudit(handlers)), ctx),
    close,
  };
}
