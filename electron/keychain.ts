import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SafeStorage } from 'electron';
import { fileKeyStore, type KeyStore } from './store/keys';

/**
 * Electron keeps the store key encrypted by the OS keychain (safeStorage: Keychain on macOS, DPAPI
 * on Windows, the Secret Service on Linux). Where no keychain is available, it falls back to the
 * browser host's 0600 key file and says so.
 */
export function safeStorageKeyStore(
  encPath: string,
  plainPath: string,
  safeStorage: SafeStorage,
): KeyStore {
  if (!safeStorage.isEncryptionAvailable()) {
    console.warn('[soc-desk] OS keychain unavailable: keeping the store key in a 0600 file');
    return fileKeyStore(plainPath);
  }
  return {
    load() {
      if (!existsSync(encPath))
        return existsSync(plainPath) ? fileKeyStore(plainPath).load() : null;
      return Buffer.from(safeStorage.decryptString(readFileSync(encPath)), 'hex');
    },
    save(key) {
      writeFileSync(encPath, safeStorage.encryptString(Buffer.from(key).toString('hex')), {
        mode: 0o600,
        flag: 'wx',
      });
    },
  };
}
