import { stripVTControlCharacters } from 'node:util';
import { sanitize } from './format.ts';
import { linkSafeEntity, mdCode, referenceSafe } from './handoff-escape.ts';

// Escaping for the formats `check` writes. Names and paths come from git and the config: they are
// untrusted, and none of them may break out of a table cell, an XML attribute or a workflow command.

/** Markdown text: no HTML, no table breaks, no emphasis, no @-mentions or #-links that would notify someone. */
export function escapeMarkdown(text: string): string {
  return sanitize(text)
    .replace(/&/g, '&amp;')
    // In a URL or an email, `_*~` as entities, as in the handoff (linkSafeEntity); `#123` with a
    // zero-width space (referenceSafe): GitHub links `\#123` too (github/cmark-gfm#181). Written
    // after `&` is, so that their own `&` stays.
    .replace(/[\\`*_{}[\]<>|~!#]/g, (char, offset: number, whole: string) => referenceSafe(char, offset, whole) ?? linkSafeEntity(char, offset, whole) ?? `\\${char}`)
    .replace(/@/g, '@&#8203;');
}

/**
 * Markdown text whose `backticked` parts are code (error messages and hints write commands so):
 * each code part becomes a code span, the rest is escaped text. Escaping it all showed the
 * backticks themselves (`\`talentrisk scan\``) in the job summary.
 */
export function escapeMarkdownWithCode(text: string): string {
  return text
    .split(/`([^`]+)`/)
    .map((part, index) => (index % 2 === 1 ? markdownCode(part, false) : escapeMarkdown(part)))
    .join('');
}

/**
 * Text inside raw HTML (`<summary>`): markdown escapes do not apply there, so HTML entities do.
 * Mentions are broken the same way as in escapeMarkdown.
 */
export function escapeHtml(text: string): string {
  return sanitize(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/@/g, '@&#8203;');
}

/**
 * A code span, safe in a table cell: the handoff's mdCode, which also handles a backslash right
 * before a pipe (GFM would pair the backslashes and split the cell) by falling back to escaped text.
 */
export function markdownCode(text: string, inTable = true): string {
  return mdCode(text, inTable, Number.POSITIVE_INFINITY);
}

// XML 1.0 allows tab, LF and CR among the control characters; everything else is dropped.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g;

/**
 * Text for XML (JUnit): escape sequences removed whole and other characters XML cannot hold made
 * spaces, as every other format does (sanitize): "Ev\x1b[31mil" read "Ev[31mil" in JUnit and "Evil"
 * in the annotations, so a name or path found in one report could not be searched for in the other.
 */
export function escapeXml(text: string): string {
  return stripVTControlCharacters(text)
    .replace(XML_INVALID, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The message of a GitHub workflow command (`::error ...::message`). */
export function escapeWorkflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (`file=`, `title=`): also `:` and `,`. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A path from the repository's root as a workflow command's `file=`, or undefined when it leads out
 * of the repository (`-c ../init.yml`, another drive): GitHub attaches an annotation to a file of
 * the repository only, and `file=../init.yml` named none (ohmyzsh, a CI maintainer).
 */
export function annotationFile(fromRoot: string): string | undefined {
  return fromRoot === '..' || fromRoot.startsWith('../') || /^([a-zA-Z]:)?[\\/]/.test(fromRoot) ? undefined : fromRoot;
}
