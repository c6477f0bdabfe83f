/**
 * The JSON Schema of the import format, generated from the zod schemas so the two cannot drift:
 * docs/import-format.schema.json is this output, and test/unit/alerts/import-format.test.ts fails
 * when the committed file is stale. The document schema is the JSON file; `$defs` holds the NDJSON
 * header line and one alert (each later NDJSON line).
 */
import { z } from 'zod';
import {
  IMPORT_VERSION,
  importAlertSchema,
  importDocumentSchema,
  importHeaderSchema,
} from './format';

export function importJsonSchema(): Record<string, unknown> {
  const options = { io: 'input', unrepresentable: 'any' } as const;
  const strip = ({ $schema: _, ...rest }: Record<string, unknown>) => rest;
  const doc = z.toJSONSchema(importDocumentSchema, options) as Record<string, unknown>;
  return {
    $schema: doc.$schema,
    $id: `https://soc-desk.example/schemas/import-format-v${IMPORT_VERSION}.json`,
    title: `SOC Desk alert import format, version ${IMPORT_VERSION}`,
    ...strip(doc),
    $defs: {
      ndjsonHeader: strip(z.toJSONSchema(importHeaderSchema, options)),
      alert: strip(z.toJSONSchema(importAlertSchema, options)),
    },
  };
}

/** The file's text as committed (2-space JSON, final newline). */
export function importJsonSchemaText(): string {
  return `${JSON.stringify(importJsonSchema(), null, 2)}\n`;
}
