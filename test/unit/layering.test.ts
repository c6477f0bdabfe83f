import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints snippets as if they stood in each folder: the layering rules of DESIGN.md must fire.
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layering lint rules', () => {
  it.each([
    [
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'shared/catalog.ts',
      'no-restricted-imports',
    ],
    [
      "import { join } from 'path';\nexport const x = join;\n",
      'shared/catalog.ts',
      'no-restricted-imports',
    ],
    [
      "import { app } from 'electron';\nexport const x = app;\n",
      'shared/catalog.ts',
      'no-restricted-imports',
    ],
    ['export const x = document.title;\n', 'shared/catalog.ts', 'no-restricted-globals'],
    ['export const x = process.env;\n', 'shared/catalog.ts', 'no-restricted-globals'],
    [
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
      'renderer/api.ts',
      'no-restricted-imports',
    ],
    [
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'renderer/api.ts',
      'no-restricted-imports',
    ],
    [
      "import { handlers } from '../electron/services/handlers';\nexport const x = handlers;\n",
      'renderer/api.ts',
      'no-restricted-imports',
    ],
    [
      "import { App } from '../renderer/App';\nexport const x = App;\n",
      'electron/ipc.ts',
      'no-restricted-imports',
    ],
  ])('rejects %j in %s', async (code, file, rule) => {
    expect(await ruleIds(code, file)).toContain(rule);
  });

  it('lets electron/ use Node and electron, and shared/ import its own domain folder', async () => {
    expect(
      await ruleIds(
        "import { join } from 'node:path';\nimport { app } from 'electron';\nexport const x = [join, app];\n",
        'electron/ipc.ts',
      ),
    ).not.toContain('no-restricted-imports');
    expect(
      await ruleIds(
        "import { contractSchema } from './domain/contract';\nexport const x = contractSchema;\n",
        'shared/catalog.ts',
      ),
    ).not.toContain('no-restricted-imports');
  });
});
