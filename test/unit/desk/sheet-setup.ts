/**
 * Shared by the sheet-*.test.ts files: the shipped hearing-sheet template (v1), the template
 * fixtures, and the ids of the questions a set of answers shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SHIPPED_TEMPLATES,
  visibleQuestions,
  type Answers,
  type Template,
} from '../../../shared/hearing-sheet';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'hearing-sheets');
export const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
export const v1 = SHIPPED_TEMPLATES[0]!;
export const ids = (t: Template, a: Answers) => visibleQuestions(t, a).map((q) => q.id);
