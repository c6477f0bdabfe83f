import type { SafeStorage } from 'electron';
import { getSetting, setSetting } from '../store/database';
import type { SecretBox, ServiceContext } from './context';

/** Secrets sealed by the OS keychain (Electron's safeStorage), stored as base64. */
export function safeStorageBox(safeStorage: SafeStorage): SecretBox {
  return {
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

/** A named secret (e.g. `smtp.password`), or null when none is set. Never logged, never returned to the renderer. */
export function getSecret(ctx: ServiceContext, name: string): string | null {
  const sealed = getSetting(ctx.db, `secret.${name}`);
  return sealed === null ? null : ctx.secrets.open(sealed);
}

export function setSecret(ctx: ServiceContext, name: string, value: string | null): void {
  setSetting(ctx.db, `secret.${name}`, value === null ? null : ctx.secrets.seal(value));
}
