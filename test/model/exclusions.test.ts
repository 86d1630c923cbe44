import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCLUSION_RULES, selectFiles, vendorFoldersOf, type FileFilterOptions } from '../../src/model/files.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { analyzeRepo } from '../helpers/analyze.ts';

// METRICS.md §3: files tracked at the revision, minus exclusions (default rules are talentrisk's;
// the classic model applies only the config's globs), minus files with no event.

const select = (tracked: string[], options: Partial<FileFilterOptions> = {}) => selectFiles(tracked, { defaults: true, ...options });
const ruleOf = (tracked: string[], options: Partial<FileFilterOptions> = {}) => Object.fromEntries(select(tracked, options).excluded);
const attributes = (entries: Record<string, string>) => ({ gitattributes: new Map(Object.entries(entries)) });

describe('default exclusions', () => {
  it('drops vendor folders at any depth, but not look-alike names', () => {
    expect(ruleOf(['vendor/a.js', 'x/node_modules/p/i.js', 'third_party/t.c', 'dist/b.js', 'lib/dist/c.js', 'vendors/a.js', 'distance.ts', 'src/vendor.ts'])).toEqual({
      'vendor/a.js': 'vendorFolder',
      'x/node_modules/p/i.js': 'vendorFolder',
      'third_party/t.c': 'vendorFolder',
      'dist/b.js': 'vendorFolder',
      'lib/dist/c.js': 'vendorFolder',
    });
    // A top-level deps/, as Linguist's list has it (redis's vendored Lua was its riskiest module: a
    // tester); below the top, `deps` is often the project's own code (a package's dependency graph).
    expect(ruleOf(['deps/lua/src/lapi.c', 'src/deps/graph.ts', 'lib/deps.c'])).toEqual({ 'deps/lua/src/lapi.c': 'vendorFolder' });
  });

  it("drops Yarn's vendored release, plugins, SDKs and Plug'n'Play loaders, keeps its config and patches (jest credited the Yarn binary to whoever bumped it)", () => {
    const tracked = ['.yarn/releases/yarn-4.18.0.cjs', '.yarn/plugins/@yarnpkg/plugin-x.cjs', '.yarn/sdks/typescript/lib/tsserver.js', 'web/.pnp.cjs', '.pnp.loader.mjs', '.yarn/patches/fix.patch', '.yarnrc.yml', 'src/pnp.cjs'];
    expect(ruleOf(tracked)).toEqual({
      '.yarn/releases/yarn-4.18.0.cjs': 'vendorFolder',
      '.yarn/plugins/@yarnpkg/plugin-x.cjs': 'vendorFolder',
      '.yarn/sdks/typescript/lib/tsserver.js': 'vendorFolder',
      'web/.pnp.cjs': 'vendorFolder',
      '.pnp.loader.mjs': 'vendorFolder',
    });
  });

  // Regression (redis, a tester): "679 in vendor folders" did not say that they were all of deps/,
  // redis's own deps/Makefile and deps/update-jemalloc.sh among them.
  it('names the vendor folders it dropped: the outermost folder matched, most files first', () => {
    const tracked = ['deps/Makefile', 'deps/update-jemalloc.sh', 'deps/lua/src/lapi.c', 'web/node_modules/a/node_modules/b/i.js', 'web/node_modules/c.js', 'vendor/x.go', 'web/.pnp.cjs', '.yarn/releases/yarn.cjs', 'src/app.ts', 'yarn.lock'];
    expect(vendorFoldersOf(select(tracked).excluded)).toEqual([
      { path: 'deps/', files: 3 },
      { path: 'web/node_modules/', files: 2 },
      { path: '.yarn/releases/', files: 1 },
      { path: 'vendor/', files: 1 },
      { path: 'web/.pnp.cjs', files: 1 },
    ]);
    // Files kept by `linguist-vendored=false`, or dropped by another rule, are not counted.
    expect(vendorFoldersOf(select(tracked, attributes({ '': 'deps/Makefile linguist-vendored=false\ndeps/lua/** linguist-vendored\n' })).excluded)).toEqual([
      { path: 'web/node_modules/', files: 2 },
      { path: '.yarn/releases/', files: 1 },
      { path: 'deps/', files: 1 },
      { path: 'vendor/', files: 1 },
      { path: 'web/.pnp.cjs', files: 1 },
    ]);
  });

  it('drops lock files, minified files and binary files by extension', () => {
    expect(ruleOf(['package-lock.json', 'web/yarn.lock', 'pnpm-lock.yaml', 'Cargo.lock', 'go.sum', 'app.min.js', 'style.min.css', 'logo.PNG', 'font.woff2', 'lock.ts', 'admin.js', '.devcontainer/devcontainer-lock.json'])).toEqual({
      'package-lock.json': 'lockFile',
      // rails listed it as "no successor — knowledge transfer needed" (an EM test).
      '.devcontainer/devcontainer-lock.json': 'lockFile',
      'web/yarn.lock': 'lockFile',
      'pnpm-lock.yaml': 'lockFile',
      'Cargo.lock': 'lockFile',
      'go.sum': 'lockFile',
      'app.min.js': 'minified',
      'style.min.css': 'minified',
      'logo.PNG': 'binary',
      'font.woff2': 'binary',
    });
    // Compressed test data binary-extensions does not list (ripgrep's sherlock.br, .lz4, .zst were
    // "no successor" files of a handoff: a tester).
    expect(ruleOf(['tests/data/sherlock.br', 'tests/data/sherlock.lz4', 'tests/data/sherlock.zst', 'tests/data/sherlock.Z', 'model.onnx', 'src/brotli.rs', 'README.md'])).toEqual({
      'tests/data/sherlock.br': 'binary',
      'tests/data/sherlock.lz4': 'binary',
      'tests/data/sherlock.zst': 'binary',
      'tests/data/sherlock.Z': 'binary',
      'model.onnx': 'binary',
    });
    // Jest's and Vitest's snapshots are text the test runner writes: "test snapshot", not "binary file"
    // (vuejs/core's 34 read as binary: a tester); a snap package elsewhere stays binary.
    expect(ruleOf(['packages/compiler-core/__tests__/__snapshots__/parse.spec.ts.snap', 'packaging/app.snap', 'src/snap.ts'])).toEqual({
      'packages/compiler-core/__tests__/__snapshots__/parse.spec.ts.snap': 'snapshot',
      'packaging/app.snap': 'binary',
    });
  });

  it('reads .gitattributes: linguist-vendored, linguist-generated, -diff and binary; patterns without a slash match at any depth', () => {
    const options = attributes({ '': 'ext/** linguist-vendored\n*.pb.go linguist-generated\n*.dat -diff\n*.bin binary\n# comment\n' });
    expect(ruleOf(['ext/lib.ts', 'api/x.pb.go', 'data/a.dat', 'b.bin', 'src/x.go'], options)).toEqual({
      'ext/lib.ts': 'vendored',
      'api/x.pb.go': 'generated',
      'data/a.dat': 'nodiff',
      'b.bin': 'nodiff',
    });
  });

  it('anchors patterns with a slash to the folder of their .gitattributes', () => {
    const options = attributes({ '': '/top.ts linguist-generated\n', pkg: 'gen/*.ts linguist-generated\n' });
    expect(ruleOf(['top.ts', 'src/top.ts', 'pkg/gen/a.ts', 'gen/a.ts', 'pkg/other/gen/a.ts'], options)).toEqual({
      'top.ts': 'generated',
      'pkg/gen/a.ts': 'generated',
    });
  });

  it('lets linguist-vendored=false keep a file of a vendor folder', () => {
    const options = attributes({ '': 'vendor/ours.js linguist-vendored=false\n' });
    expect(ruleOf(['vendor/ours.js', 'vendor/theirs.js'], options)).toEqual({ 'vendor/theirs.js': 'vendorFolder' });
  });

  it('lets a later line or a deeper .gitattributes override an earlier one', () => {
    const options = attributes({ '': 'gen/** linguist-generated\ngen/keep.ts -linguist-generated\n', 'gen/deep': '*.ts linguist-generated=false\n' });
    expect(ruleOf(['gen/a.ts', 'gen/keep.ts', 'gen/deep/b.ts'], options)).toEqual({ 'gen/a.ts': 'generated' });
  });

  it('honours !attr: a deeper .gitattributes makes an attribute unspecified again', () => {
    // gen/keep.ts is generated by the top file, then unspecified by gen/.gitattributes → analysed.
    // vendor/x.js loses its explicit linguist-vendored and falls back to the vendor-folder rule.
    const options = attributes({ '': 'gen/** linguist-generated\nvendor/** linguist-vendored\n', gen: 'keep.ts !linguist-generated\n', vendor: 'x.js !linguist-vendored\n' });
    expect(ruleOf(['gen/a.ts', 'gen/keep.ts', 'vendor/x.js', 'vendor/y.js'], options)).toEqual({
      'gen/a.ts': 'generated',
      'vendor/x.js': 'vendorFolder',
      'vendor/y.js': 'vendored',
    });
  });

  it('applies config include and exclude globs first, and counts each rule', () => {
    const selection = select(['src/a.ts', 'src/b.test.ts', 'docs/x.md', 'src/vendor/v.ts', 'src/yarn.lock'], { include: ['src/**'], exclude: ['**/*.test.ts'] });
    expect(selection.analysed).toEqual(['src/a.ts']);
    expect(selection.counts).toEqual([
      { rule: EXCLUSION_RULES.include, files: 1 },
      { rule: EXCLUSION_RULES.exclude, files: 1 },
      { rule: EXCLUSION_RULES.vendorFolder, files: 1 },
      { rule: EXCLUSION_RULES.lockFile, files: 1 },
    ]);
  });

  it('leaves out files whose content says a tool wrote them, unless .gitattributes says linguist-generated=false', () => {
    const generated = new Map([
      ['api/x_string.go', 'generatedHeader'],
      ['keep/y_string.go', 'generatedHeader'],
      ['api/commands.def', 'generatedNotice'],
    ] as const);
    const options = { generated, ...attributes({ '': 'keep/** linguist-generated=false\n' }) };
    expect(ruleOf(['api/x_string.go', 'keep/y_string.go', 'api/x.go', 'api/commands.def'], options)).toEqual({ 'api/x_string.go': 'generatedHeader', 'api/commands.def': 'generatedNotice' });
    expect(selectFiles(['api/x_string.go'], { defaults: false, generated }).analysed).toEqual(['api/x_string.go']);
  });

  it('applies only the globs when the default rules are off', () => {
    const selection = selectFiles(['vendor/a.js', 'yarn.lock', 'a.png', 'docs/x.md'], { defaults: false, exclude: ['docs/**'], ...attributes({ '': '* linguist-generated\n' }) });
    expect(selection.analysed).toEqual(['vendor/a.js', 'yarn.lock', 'a.png']);
    expect(selection.counts).toEqual([{ rule: 'exclude glob', files: 1 }]);
  });
});

describe('exclusions on a fixture repository', { tags: ['slow'] }, () => {
  const files = {
    '.gitattributes': 'ext/** linguist-vendored\n*.dat -diff\nvendor/ours.js linguist-vendored=false\n',
    'src/app.ts': 5,
    'src/gen/.gitattributes': '*.ts linguist-generated\n',
    'src/gen/api.ts': 5,
    'ext/lib.ts': 5,
    'data/blob.dat': 5,
    'vendor/lib.js': 5,
    'vendor/ours.js': 5,
    'node_modules/x/index.js': 5,
    'third_party/t.c': 5,
    'dist/bundle.js': 5,
    'package-lock.json': 5,
    'yarn.lock': 5,
    'web/app.min.js': 5,
    'img/logo.png': 5,
    'docs/notes.md': 5,
  };

  it('counts the files each rule excluded (default rules and config globs)', async () => {
    const repo = buildRepo([{ author: 'ada', write: files }]);
    const analysis = await analyzeRepo(repo.dir, { config: { exclude: ['docs/**'] } });
    expect(analysis.files.map((f) => f.path)).toEqual(['.gitattributes', 'src/app.ts', 'src/gen/.gitattributes', 'vendor/ours.js']);
    expect(analysis.exclusions).toEqual([
      { rule: 'exclude glob', files: 1 },
      { rule: '.gitattributes linguist-vendored', files: 1 },
      { rule: '.gitattributes linguist-generated', files: 1 },
      { rule: '.gitattributes -diff/binary', files: 1 },
      {
        rule: 'vendor folder',
        files: 4,
        folders: [
          { path: 'dist/', files: 1 },
          { path: 'node_modules/', files: 1 },
          { path: 'third_party/', files: 1 },
          { path: 'vendor/', files: 1 },
        ],
      },
      { rule: 'lock file', files: 2 },
      { rule: 'minified file', files: 1 },
      { rule: 'binary file', files: 1 },
    ]);
    expect(analysis.stats).toMatchObject({ trackedFiles: 16, files: 4, excludedFiles: 12 });
  });

  it('leaves out two files whose names are not UTF-8 and read alike, under every model (their histories were merged into one file’s)', async () => {
    const repo = buildRepo([{ author: 'ada', write: { 'src/app.ts': 5 } }]);
    const named = (bytes: number[]) => Buffer.concat([Buffer.from(`${repo.dir}/f-`), Buffer.from(bytes), Buffer.from('.txt')]);
    writeFileSync(named([0xe9]), 'from ann\n');
    repo.commit({ author: 'ann' });
    writeFileSync(named([0xe8]), 'from ben\n');
    repo.commit({ author: 'ben' });
    // A name that is not UTF-8 but reads like no other is analysed as before.
    writeFileSync(Buffer.concat([Buffer.from(`${repo.dir}${path.sep}g-`), Buffer.from([0xff]), Buffer.from('.txt')]), 'from ann\n');
    repo.commit({ author: 'ann' });
    for (const model of ['talentrisk', 'classic'] as const) {
      const analysis = await analyzeRepo(repo.dir, { model });
      expect(analysis.files.map((f) => f.path)).toEqual(['g-\ufffd.txt', 'src/app.ts']);
      expect(analysis.exclusions).toEqual([{ rule: 'names that read alike (not valid UTF-8)', files: 2 }]);
      expect(analysis.stats).toMatchObject({ trackedFiles: 4, files: 2, excludedFiles: 2 });
      // The one left is analysed, with a warning: a name deleted from the history could read alike.
      expect(analysis.warnings).toContain('"g-\ufffd.txt" has a name that git stores as bytes that are not UTF-8 (shown as U+FFFD): if the history had another name that reads alike, its events count here too');
    }
    // Another rule that leaves them out is named first (review: they were counted under this one).
    const included = await analyzeRepo(repo.dir, { config: { include: ['src/**'] } });
    expect(included.exclusions).toEqual([{ rule: 'not matched by include', files: 3 }]);
  });

  // hugo: eleven stringer outputs (`// Code generated by "stringer …"; DO NOT EDIT.`) made its maintainer
  // their only author (a tester). Go's convention, as Linguist reads it: the line, anywhere in the file.
  it('leaves out Go files with a "Code generated … DO NOT EDIT." line (not a mention of it, not under --model classic)', async () => {
    const repo = buildRepo([
      {
        author: 'ada',
        write: {
          'kind_string.go': '// Code generated by "stringer -type=Kind"; DO NOT EDIT.\n\npackage main\n',
          'api.pb.go': '// Copyright\n\n// Code generated by protoc-gen-go. DO NOT EDIT.\npackage api\n',
          'main.go': 'package main\n\n// The generator writes "// Code generated ... DO NOT EDIT." in its outputs.\nfunc main() {}\n',
          // Go's line is Go's: elsewhere it is only a mention (a header of another tool is read by the test below).
          'notes.txt': 'Go tools write "// Code generated by x. DO NOT EDIT." at the top of their outputs.\n',
          // A CRLF file is one too; a generator's template, after the package clause, is not (a review).
          'crlf.pb.go': '// Code generated by protoc-gen-go. DO NOT EDIT.\r\npackage api\r\n',
          'gen/generator.go': 'package gen\n\nconst header = `\n// Code generated by mygen. DO NOT EDIT.\n`\n',
        },
      },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.files.map((f) => f.path)).toEqual(['gen/generator.go', 'main.go', 'notes.txt']);
    expect(analysis.exclusions).toEqual([{ rule: EXCLUSION_RULES.generatedHeader, files: 3 }]);
    const classic = await analyzeRepo(repo.dir, { model: 'classic' });
    expect(classic.files).toHaveLength(6);
    const counted = await analyzeRepo(repo.dir, { config: { defaultExclusions: false } });
    expect(counted.files).toHaveLength(6);
  });

  // redis: src/commands.def begins "/* Automatically generated by generate-command-code.py, do not edit. */",
  // and counted as its maintainer's knowledge (a first-time user). Other tools' headers, as Linguist's
  // generated.rb reads them tool by tool (protocol buffers, Thrift, javah, roxygen2, Dart): in the first
  // lines, a comment saying the file was generated and one saying not to edit it.
  it('leaves out files whose first lines say in a comment that a tool generated them and not to edit them (not a template, a mention, or a late line)', async () => {
    const license = Array.from({ length: 5 }, (_, i) => `/* license line ${i + 1} */`).join('\n');
    const repo = buildRepo([
      {
        author: 'ada',
        write: {
          'src/commands.def': '/* Automatically generated by generate-command-code.py, do not edit. */\n\nint x;\n',
          'src/api.pb.h': '// Generated by the protocol buffer compiler.  DO NOT EDIT!\n// source: api.proto\n',
          'gen/Service.java': '/**\n * Autogenerated by Thrift Compiler (0.9.3)\n *\n * DO NOT EDIT UNLESS YOU ARE SURE THAT YOU KNOW WHAT YOU ARE DOING\n *  @generated\n */\n',
          // CRLF, and a byte-order mark before the first comment.
          'gen/api_pb2.py': '# -*- coding: utf-8 -*-\r\n# Generated by the protocol buffer compiler.  DO NOT EDIT!\r\n',
          'gen/api.ts': '\uFEFF// @generated by tool. Do not modify.\nexport const x = 1;\n',
          // Not to edit before generated (the second grep finds that line, the first the other), in a
          // name with pathspec magic characters.
          'gen/Order [v2]*.cs': '// <auto-header>\n//     Do not modify this file.\n//     It was generated by a tool.\n// </auto-header>\n',
          // A generator's template, in a string; a header below the first lines; a comment on generated
          // code that says nothing against editing; a drawing's "do not edit" that says nothing of generation.
          'utils/gen.py': 'HEADER = "/* Automatically generated by gen.py, do not edit. */"\n',
          'src/late.c': `${license}\n/* Automatically generated, do not edit. */\n`,
          'src/flags.ts': '/**\n * Patch flags are hints generated by the compiler.\n */\n',
          'docs/arch.svg': '<svg>\n<!-- Do not edit this file with editors other than draw.io -->\n</svg>\n',
          'src/regen.c': '/* Edits are lost when the code is regenerated: do not edit. */\n',
          // .gitattributes keeps one.
          '.gitattributes': 'keep/** linguist-generated=false\n',
          'keep/table.c': '/* Automatically generated by mktable, do not edit. */\n',
        },
      },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.files.map((f) => f.path)).toEqual(['.gitattributes', 'docs/arch.svg', 'keep/table.c', 'src/flags.ts', 'src/late.c', 'src/regen.c', 'utils/gen.py']);
    expect(analysis.exclusions).toEqual([{ rule: EXCLUSION_RULES.generatedNotice, files: 6 }]);
    const counted = await analyzeRepo(repo.dir, { config: { defaultExclusions: false } });
    expect(counted.files).toHaveLength(13);
  });

  // SQLAlchemy's generated tests: a module docstring whose "Do not edit manually" line does not look
  // like a comment; both were analysed, as Mike Bayer's (a first-time user).
  it('reads the lines of a docstring or block comment at the top as the header they are', async () => {
    const repo = buildRepo([
      {
        author: 'ada',
        write: {
          'test/test_sync.py': `"""This file is automatically generated from the file\n'test/test_typed.py'\nby the 'tools/sync_test_files.py' script.\n\nDo not edit manually, any change will be lost.\n"""  # noqa: E501\n\nimport x\n`,
          // The opener alone on its line; a C block whose lines have no leading "*".
          'gen/tables.py': "'''\nGenerated by mktables.\nDo not edit.\n'''\n",
          'gen/tables.c': '/*\n   Automatically generated by mktable.\n   Do not modify.\n*/\n',
          // Not headers: the docstring closes before "do not edit", which is then code; a string in code.
          'src/closed.py': '"""Helpers for generated tables."""\n\nDO_NOT_EDIT = "do not edit"\n',
          'src/template.py': 'TEMPLATE = """Automatically generated by gen.py.\nDo not edit.\n"""\n',
          // A C line that begins like an ML comment opens no block (a review).
          'src/fp.c': '/* Tables generated at start-up. */\n(*fp)(1);\nputs("do not edit");\n',
        },
      },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.files.map((f) => f.path)).toEqual(['src/closed.py', 'src/fp.c', 'src/template.py']);
    expect(analysis.exclusions).toEqual([{ rule: EXCLUSION_RULES.generatedNotice, files: 3 }]);
  });

  // Past a thousand files that may be generated, the second grep reads every file rather than name them.
  it('reads the headers of more than a thousand files that may be generated', async () => {
    const generated = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`gen/table${i}.c`, '/* Generated by mktable. */\n/* Do not edit. */\n']));
    const repo = buildRepo([{ author: 'ada', write: { ...generated, 'src/notes.c': '/* The tables are generated by mktable. */\nint x;\n', 'src/main.c': 'int main(void) { return 0; }\n' } }]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.files.map((f) => f.path)).toEqual(['src/main.c', 'src/notes.c']);
    expect(analysis.exclusions).toEqual([{ rule: EXCLUSION_RULES.generatedNotice, files: 1001 }]);
  });

  it('applies only the config globs under the classic model', async () => {
    const repo = buildRepo([{ author: 'ada', write: files }]);
    const analysis = await analyzeRepo(repo.dir, { model: 'classic', config: { exclude: ['docs/**'] } });
    expect(analysis.exclusions).toEqual([{ rule: 'exclude glob', files: 1 }]);
    expect(analysis.stats).toMatchObject({ trackedFiles: 16, files: 15 });
  });

  it('applies config include globs and defaultExclusions: false', async () => {
    const repo = buildRepo([{ author: 'ada', write: files }]);
    const analysis = await analyzeRepo(repo.dir, { config: { include: ['src/**', 'vendor/**'], defaultExclusions: false } });
    expect(analysis.files.map((f) => f.path)).toEqual(['src/app.ts', 'src/gen/.gitattributes', 'src/gen/api.ts', 'vendor/lib.js', 'vendor/ours.js']);
    expect(analysis.exclusions).toEqual([{ rule: 'not matched by include', files: 11 }]);
  });

  it('an excluded file is not analysed even when someone renamed it into an analysed path later', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'vendor/x.js': 5 } },
      { author: 'bob', rename: { 'vendor/x.js': 'src/x.js' } },
      { author: 'carl', write: { 'vendor/y.js': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    // src/x.js is analysed with its history from vendor/x.js (ada A, bob R); vendor/y.js is excluded.
    expect(analysis.files.map((f) => [f.path, f.contributions.map((c) => [c.developer, c.fa, c.dl, c.ac])])).toEqual([
      [
        'src/x.js',
        [
          ['ada@example.com', 1, 0, 1],
          ['bob@example.com', 0, 1, 0],
        ],
      ],
    ]);
    expect(analysis.exclusions).toEqual([{ rule: 'vendor folder', files: 1, folders: [{ path: 'vendor/', files: 1 }] }]);
  });
});
