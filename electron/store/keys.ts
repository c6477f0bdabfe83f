import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { KEY_BYTES } from './database';
import { StoreError } from './errors';

/** Where the store's key is kept: a 0600 file (browser host) or safeStorage (Electron, see main). */
export interface KeyStore {
  load(): Uint8Array | null;
  save(key: Uint8Array): void;
}

/** The browser host's key file: hex, readable by the user only (mode 0600). */
export function fileKeyStore(path: string): KeyStore {
  return {
    load() {
      if (!existsSync(path)) return null;
      const hex = readFileSync(path, 'utf8').trim();
      if (!/^[0-9a-f]{64}$/i.test(hex)) throw new StoreError('store_wrong_key');
      return Buffer.from(hex, 'hex');
    },
    save(key) {
      // 'wx': never overwrite an existing key (that would make the store unreadable).
      writeFileSync(path, Buffer.from(key).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
      chmodSync(path, 0o600);
    },
  };
}

/**
 * The key for a store file: the saved one, or a new random key when the store does not exist yet.
 * A store without its key cannot be opened; we say so rather than create a new, empty one.
 */
export function loadOrCreateKey(keys: KeyStore, storeExists: boolean): Uint8Array {
  const existing = keys.load();
  if (existing) return existing;
  if (storeExists) throw new StoreError('store_key_missing');
  const key = randomBytes(KEY_BYTES);
  keys.save(key);
  return key;
}
