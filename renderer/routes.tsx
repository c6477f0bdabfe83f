import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { DashboardPage } from './features/dashboard/DashboardPage';

export interface NavItem {
  path: string;
  label: ParseKeys<'common'>;
  icon: ReactNode;
  element: ReactNode;
}

/** Every screen, in side-navigation order. Later features add their entry here. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'nav.dashboard', icon: '◧', element: <DashboardPage /> },
];
