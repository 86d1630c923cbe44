/** Cell separators of a GFM table row, as cmark-gfm finds them: `\` pairs with any ASCII punctuation. */
export function cellSeparators(row: string): number {
  let count = 0;
  for (let i = 0; i < row.length; i++) {
    const char = row[i] as string;
    if (char === '\\' && /[!-/:-@[-`{-~]/.test(row[i + 1] ?? '')) i++;
    else if (char === '|') count++;
  }
  return count;
}
