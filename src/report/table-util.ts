import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';

// cli-table3 (CommonJS) is required on first use: JSON output, which never draws a table, does not
// pay for loading it.
let Table: typeof CliTable | undefined;

const NO_BORDER = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

/** A borderless table; trailing spaces trimmed so output is stable for snapshots. */
export function renderTable(head: string[], rows: (string | number)[][], align?: ('left' | 'right')[]): string {
  Table ??= createRequire(import.meta.url)('cli-table3') as typeof CliTable;
  const table = new Table({
    head,
    chars: NO_BORDER,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    ...(align ? { colAligns: align } : {}),
  });
  table.push(...rows.map((row) => row.map(String)));
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}
