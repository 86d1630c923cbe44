import { describe, expect, it } from 'vitest';
import { renderCheckOutputJsonSchema } from '../../src/report/check-schema.ts';

// Run with -u (as `npm run schema` does) to rewrite schema/check-output.schema.json.

describe('schema/check-output.schema.json', () => {
  it('is generated from the zod schema of check --format json', async () => {
    await expect(renderCheckOutputJsonSchema()).toMatchFileSnapshot('../../schema/check-output.schema.json');
  });

  it('documents the fields a CI script reads', () => {
    const schema = JSON.parse(renderCheckOutputJsonSchema()) as { properties: Record<string, { description?: string }>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'passed', 'systems', 'summary']));
    expect(schema.properties.passed?.description).toContain('exit code 1');
  });
});
