import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, string>; bin: Record<string, string> };

describe('the published package', () => {
  it('points only at files it has: the bin, the schemas and package.json (a CLI, no JavaScript API)', () => {
    for (const target of Object.values(manifest.bin)) expect(existsSync(path.join(root, target)), target).toBe(true);
    for (const target of Object.values(manifest.exports)) expect(existsSync(path.join(root, target.replace(/\*$/, ''))), target).toBe(true);
    // A schema resolves by its package path, as an editor or a script would ask for it.
    const require = createRequire(path.join(root, 'package.json'));
    expect(require.resolve('talentrisk/schema/talentrisk.schema.json')).toBe(path.join(root, 'schema', 'talentrisk.schema.json'));
    expect(require.resolve('talentrisk/package.json')).toBe(path.join(root, 'package.json'));
  });

  it('ships the example config that config errors and init point to (a new user found it missing)', () => {
    const files = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { files: string[] }).files;
    const source = ['src/config/parse.ts', 'src/config/starter.ts'].map((file) => readFileSync(path.join(root, file), 'utf8')).join('\n');
    expect(source).toContain('.talentrisk.example.yml');
    expect(files).toContain('.talentrisk.example.yml');
    expect(existsSync(path.join(root, '.talentrisk.example.yml'))).toBe(true);
  });
});
