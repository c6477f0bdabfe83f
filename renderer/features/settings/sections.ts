import type { ReactNode } from 'react';

/**
 * A section of the settings screen, contributed by a feature from `features/<feature>/settings.tsx`
 * (mail for escalations, feed sync, backup…). `titleKey` is a namespaced key.
 */
export interface SettingsSection {
  id: string;
  order: number;
  titleKey: string;
  element: ReactNode;
}

export const SECTIONS: SettingsSection[] = Object.values(
  import.meta.glob<{ settingsSection: SettingsSection }>('../*/settings.tsx', { eager: true }),
)
  .map((m) => m.settingsSection)
  .sort((a, b) => a.order - b.order);
