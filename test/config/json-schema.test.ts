import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, renderConfigJsonSchema } from '../../src/config/json-schema.ts';
import { parseConfigText as parseConfig } from '../../src/config/parse.ts';

// `npm run schema` is this file run with -u: it rewrites schema/talentrisk.schema.json.

describe('schema/talentrisk.schema.json', () => {
  it('is generated from the zod schema (run `npm run schema` after changing src/config/schema.ts)', async () => {
    await expect(renderConfigJsonSchema()).toMatchFileSnapshot('../../schema/talentrisk.schema.json');
  });

  it('forbids unknown keys at every level and carries the descriptions', () => {
    const schema = configJsonSchema() as { additionalProperties: boolean; properties: Record<string, { description?: string }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.critical?.description).toContain('talentrisk check');
    expect(JSON.stringify(schema)).not.toContain('"additionalProperties":true');
  });
});

describe('.talentrisk.example.yml', () => {
  const text = readFileSync('.talentrisk.example.yml', 'utf8');

  it('is a valid config', () => {
    const { config } = parseConfig(text, '.talentrisk.example.yml');
    expect(config.critical.map((system) => system.name)).toEqual(['payments', 'deploy pipeline']);
  });

  it('points editors at the generated schema', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/talentrisk.schema.json');
  });

  it('documents every key of the schema', () => {
    const keys = collectKeys(configJsonSchema()).filter((key) => key !== '$schema');
    const missing = keys.filter((key) => !new RegExp(`^\\s*(- )?${key.replace('$', '\\$')}:`, 'm').test(text));
    expect(missing).toEqual([]);
    expect(keys.length).toBeGreaterThan(25);
  });
});

/** Every property name anywhere in a JSON Schema. */
function collectKeys(schema: unknown, into = new Set<string>()): string[] {
  if (Array.isArray(schema)) for (const item of schema) collectKeys(item, into);
  else if (schema && typeof schema === 'object') {
    const properties = (schema as { properties?: Record<string, unknown> }).properties;
    if (properties) for (const key of Object.keys(properties)) into.add(key);
    for (const value of Object.values(schema)) collectKeys(value, into);
  }
  return [...into];
}
