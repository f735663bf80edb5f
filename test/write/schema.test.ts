import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordJsonSchema, SCHEMA_PATH } from '../../schema/generate.ts';

describe('schema/record.schema.json', () => {
  it('is what `npm run schema` generates from the zod schema (run it after changing src/record/schema.ts)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(recordJsonSchema());
  });
});
