import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';

/** A screen's entry in the side navigation. `labelKey` is a namespaced key, e.g. `alerts:nav`. */
export interface NavEntry {
  path: string;
  order: number;
  labelKey: string;
  /** A different label for one kind of profile (the same screen serves another role). */
  labelKeys?: Partial<Record<'customer' | 'partner', string>>;
  icon: ReactNode;
}

/**
 * What a feature contributes, from `features/<feature>/routes.tsx`: its routes inside the app shell,
 * routes outside it (print layouts), and its side-navigation entry. Features register themselves by
 * adding that file; nothing here changes.
 */
export interface FeatureRoutes {
  routes: RouteObject[];
  bareRoutes?: RouteObject[];
  nav?: NavEntry;
}

const features = Object.values(
  import.meta.glob<FeatureRoutes>('./features/*/routes.tsx', { eager: true }),
);

export const NAV_ITEMS: NavEntry[] = features
  .flatMap((f) => (f.nav ? [f.nav] : []))
  .sort((a, b) => a.order - b.order);
export const SHELL_ROUTES: RouteObject[] = features.flatMap((f) => f.routes);
export const BARE_ROUTES: RouteObject[] = features.flatMap((f) => f.bareRoutes ?? []);
