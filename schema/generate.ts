/**
 * The record's JSON Schema, generated from the zod schema (src/record/schema.ts), for users in
 * other languages. `npm run schema` writes schema/record.schema.json; test/write/schema.test.ts
 * checks the committed file matches.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { RecordSchema } from '../src/record/schema.ts';

export const SCHEMA_PATH = fileURLToPath(new URL('./record.schema.json', import.meta.url));

export function recordJsonSchema(): string {
  const schema = z.toJSONSchema(RecordSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  const withId = {
    $schema: schema.$schema,
    title: 'xxgk record (one line of reports.jsonl)',
    description: 'One record per input file; generated from src/record/schema.ts by `npm run schema`.',
    ...schema,
  };
  return JSON.stringify(withId, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, recordJsonSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
