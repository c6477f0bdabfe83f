import { z } from 'zod';
import { op } from './op';
import { entityId } from './session';
import { fileId, type FileRef } from './files';

/** A backup passphrase: long enough to resist guessing (SQLCipher derives the key with PBKDF2). */
export const passphrase = z
  .string()
  .min(12)
  .max(256)
  .refine((s) => !s.includes('\0'), 'no NUL');

export interface RestoreResult {
  /** user_version of the backup, and of the store after migrations. */
  backupVersion: number;
  storeVersion: number;
  customers: number;
}

/** Operations of the system feature: backup, restore, and one customer's data export. */
export const systemOps = {
  /** A consistent, passphrase-encrypted copy of the whole store (the profile must see every customer). */
  'system.backup': op<FileRef>()(z.object({ passphrase }).strict()),
  /** Replaces the store with a backup (refused for a backup written by a newer SOC Desk). */
  'system.restore': op<RestoreResult>()(z.object({ fileId, passphrase }).strict()),
  /** Every record of one customer as JSON (recorded in the audit log). */
  'system.exportCustomer': op<FileRef>()(z.object({ customerId: entityId }).strict()),
};
