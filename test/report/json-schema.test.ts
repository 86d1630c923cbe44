import { z } from 'zod';
import { expect, it } from 'vitest';
import { scanOutputSchema } from '../../src/report/scan-schema.ts';

// schema/scan-output.schema.json is generated from the zod schema; `npm run schema` refreshes it.
it('the published JSON Schema of scan output matches the zod schema', async () => {
  const schema = z.toJSONSchema(scanOutputSchema, { io: 'output' });
  await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot('../../schema/scan-output.schema.json');
});
