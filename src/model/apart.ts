/**
 * A value and the limit it is compared with, to `digits` decimals, or to as many more as it takes
 * to tell them apart: normDOA 0.74996 against 0.75 read "0.750 is not above 0.75", a loss of 10.04%
 * against 10% "would orphan 10% … at most 10% allowed". Equal values keep `digits`.
 */
export function fixedApart(value: number, limit: number, digits: number): [value: string, limit: string] {
  let shown = digits;
  while (shown < digits + 8 && value !== limit && value.toFixed(shown) === limit.toFixed(shown)) shown++;
  return [value.toFixed(shown), limit.toFixed(shown)];
}
