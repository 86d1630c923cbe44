import { expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/defaults.ts';
import { configSchema } from '../../src/config/schema.ts';

// DEFAULT_CONFIG is written out by hand so that scans without a config file do not import zod;
// this keeps it from drifting from the schema's own defaults.
it('DEFAULT_CONFIG is exactly what the schema makes of an empty config', () => {
  expect(DEFAULT_CONFIG).toStrictEqual(configSchema.parse({}));
});
