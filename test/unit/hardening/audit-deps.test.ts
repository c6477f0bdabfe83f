/**
 * `npm run audit:deps` (build/scripts/audit-deps.mjs): the packages it audits are the ones bundled
 * into dist/ (devDependencies included, which `npm audit --omit=dev` misses), and it fails on a
 * high or critical advisory in one of them but not on one in a build tool.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { bundled, packageOf, shippedFindings } from '../../../build/scripts/audit-deps.mjs';

type Vuln = { name: string; severity: string };
const names = bundled as () => Promise<string[]>;
const findings = shippedFindings as (n: string[], v: Record<string, Vuln>) => Vuln[];
const pkg = packageOf as (file: string) => string | null;

describe('audit:deps', () => {
  it('names the package of a bundled file, scoped or not, ours as none', () => {
    expect(pkg('node_modules/zod/v4/core/core.js')).toBe('zod');
    expect(pkg('/work/x/node_modules/@tanstack/react-virtual/dist/index.js')).toBe(
      '@tanstack/react-virtual',
    );
    expect(pkg('node_modules/a/node_modules/yazl/index.js')).toBe('yazl');
    expect(pkg('electron/main.ts')).toBeNull();
  });

  it('lists what esbuild and Vite bundle, devDependencies included, and no build tool', async () => {
    const list = await names();
    for (const p of ['nodemailer', 'yauzl', 'yazl', 'zod', 'react', 'react-dom', 'i18next'])
      expect(list).toContain(p);
    expect(list).toContain('better-sqlite3-multiple-ciphers');
    for (const tool of ['vite', 'esbuild', 'vitest', 'typescript', '@playwright/test'])
      expect(list).not.toContain(tool);
  }, 120_000);

  it('fails on high and critical advisories in shipped packages only', () => {
    const vulns: Record<string, Vuln> = {
      zod: { name: 'zod', severity: 'high' },
      react: { name: 'react', severity: 'moderate' },
      vite: { name: 'vite', severity: 'critical' },
      yazl: { name: 'yazl', severity: 'critical' },
    };
    expect(findings(['zod', 'react', 'yazl'], vulns).map((v) => v.name)).toEqual(['zod', 'yazl']);
    expect(findings(['react'], vulns)).toEqual([]);
  });
});
