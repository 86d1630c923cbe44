import { describe, expect, it } from 'vitest';
import { renderExplainOutputJsonSchema } from '../../src/report/explain-schema.ts';
import { renderHandoffOutputJsonSchema } from '../../src/report/handoff-schema.ts';

// Run with -u (as `npm run schema` does) to rewrite schema/explain-output.schema.json and
// schema/handoff-output.schema.json.

describe('the published JSON Schemas of explain and handoff', () => {
  it('schema/explain-output.schema.json is generated from the zod schema of explain --format json', async () => {
    await expect(renderExplainOutputJsonSchema()).toMatchFileSnapshot('../../schema/explain-output.schema.json');
  });

  it('schema/handoff-output.schema.json is generated from the zod schema of handoff --format json', async () => {
    await expect(renderHandoffOutputJsonSchema()).toMatchFileSnapshot('../../schema/handoff-output.schema.json');
  });

  it('give each command document a repository with shallowSince, and warnings', () => {
    for (const text of [renderExplainOutputJsonSchema(), renderHandoffOutputJsonSchema()]) {
      const documents = JSON.parse(text) as { oneOf?: unknown[]; anyOf?: unknown[] } & Document;
      for (const document of (documents.oneOf ?? documents.anyOf ?? [documents]) as Document[]) {
        expect(document.required).toEqual(expect.arrayContaining(['schemaVersion', 'kind', 'tool', 'model', 'repository', 'warnings']));
        expect(document.properties.repository?.required).toContain('shallowSince');
      }
    }
  });
});

interface Document {
  required: string[];
  properties: Record<string, { required?: string[] }>;
}
