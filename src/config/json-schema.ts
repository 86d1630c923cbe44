import { z } from 'zod';
import { configSchema, EXTENSION_KEY_PREFIX } from './schema.ts';

// schema/talentrisk.schema.json is this function's output, kept in sync by
// test/config/json-schema.test.ts (`npm run schema` rewrites it). Editors read it through the
// `# yaml-language-server: $schema=...` line of .talentrisk.yml.

/** Where the schema is in the published package, for configs of projects that install talentrisk. */
export const PACKAGED_SCHEMA_PATH = 'node_modules/talentrisk/schema/talentrisk.schema.json';

/** The JSON Schema of .talentrisk.yml as the user writes it (input side: keys with defaults are optional). */
export function configJsonSchema(): Record<string, unknown> {
  const { $schema, properties, ...rest } = z.toJSONSchema(configSchema, { io: 'input' }) as Record<string, unknown>;
  // The loader ignores top-level `x-` keys (a place for YAML anchors); zod has no way to say so.
  const patternProperties = { [`^${EXTENSION_KEY_PREFIX}`]: { description: 'Ignored by talentrisk: a place for YAML anchors that systems merge with `<<: *name`.' } };
  return { $schema, title: 'talentrisk configuration (.talentrisk.yml)', properties, patternProperties, ...rest };
}

export function renderConfigJsonSchema(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
