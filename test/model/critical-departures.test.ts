import { describe, expect, it } from 'vitest';
import { lossAgainstLimit } from '../../src/model/critical-departures.ts';

describe('lossAgainstLimit', () => {
  it('prints a share and the limit it broke with enough decimals to tell them apart', () => {
    expect(lossAgainstLimit(0.5, 0.2)).toEqual(['50%', '20%']);
    expect(lossAgainstLimit(6 / 57, 0.1)).toEqual(['11%', '10%']);
    // 10.04% against 10% read "would orphan 10% … at most 10% allowed".
    expect(lossAgainstLimit(0.1004, 0.1)).toEqual(['10.04%', '10.00%']);
    expect(lossAgainstLimit(0.1, 0.1)).toEqual(['10%', '10%']);
  });
});
