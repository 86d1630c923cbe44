// CODEOWNERS (GitHub, GitLab): who is *declared* to own which paths. `talentrisk init` offers its
// paths as critical-system candidates, so a team can compare declared owners with real knowledge.
// Parsed here in a few lines: the npm parsers match with `ignore` and bring 3–9 dependencies,
// while what init needs is the patterns turned into picomatch globs.

/** Where GitHub looks, in its order of precedence (GitLab also reads .gitlab/CODEOWNERS). */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'] as const;

export interface CodeownersRule {
  /** 1-based line in the file. */
  line: number;
  pattern: string;
  owners: string[];
  /** The pattern as picomatch globs relative to the repository root. */
  globs: string[];
}

/** Rules of a CODEOWNERS file, in file order. Comments, blank lines and GitLab section headers are skipped. */
export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const tokens = tokenize(raw);
    const pattern = tokens[0];
    if (pattern === undefined) return;
    // GitLab sections: `[Section]`, `^[Optional section]`, possibly with default owners after them.
    if (/^\^?\[/.test(pattern)) return;
    rules.push({ line: index + 1, pattern, owners: tokens.slice(1), globs: patternToGlobs(pattern) });
  });
  return rules;
}

/** Splits a line on unescaped whitespace, dropping an unescaped `#` comment. */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (char === '\\' && i + 1 < line.length) {
      current += line[i + 1];
      i += 1;
    } else if (char === '#') {
      break;
    } else if (/\s/.test(char)) {
      if (current) tokens.push(current);
      current = '';
    } else current += char;
  }
  if (current) tokens.push(current);
  return tokens;
}

// gitignore-style pattern → globs: `/docs/` → `docs/**`; `docs/` → `**/docs/**` (any depth);
// `*.js` → `**/*.js`; `/scripts/*` → `scripts/*` (one level, as GitHub documents it); a path without
// a trailing slash and no wildcard in its last segment may be a file or a folder, so it also
// matches everything under it.
export function patternToGlobs(pattern: string): string[] {
  if (pattern === '*' || pattern === '/*' || pattern === '**' || pattern === '/**') return ['**'];
  const isDirectory = pattern.endsWith('/');
  const trimmed = pattern.replace(/\/+$/, '');
  const isAnchored = trimmed.startsWith('/') || trimmed.includes('/');
  const body = trimmed.replace(/^\/+/, '');
  const base = isAnchored || body.startsWith('**/') ? body : `**/${body}`;
  if (isDirectory) return [`${base}/**`];
  // A wildcard in the last segment names files (`*.md`, `/scripts/*`), not a folder to descend into.
  if ((base.split('/').pop() ?? '').includes('*')) return [base];
  return [base, `${base}/**`];
}

/** True for a rule that covers the whole repository (the usual default-owner line). */
export function isCatchAll(rule: Pick<CodeownersRule, 'globs'>): boolean {
  return rule.globs.includes('**');
}
