// Degree of Authorship, METRICS.md §4 — Fritz et al. (TOSEM 2014) as used by Avelino et al. (ICPC 2016).
export const DOA_CONSTANT = 3.293;
export const DOA_FA = 1.098;
export const DOA_DL = 0.164;
export const DOA_AC = 0.321;
/** normDOA must be strictly above this to make an author. */
export const AUTHOR_NORM_THRESHOLD = 0.75;
/** Absolute DOA floor for authors who did not create the file. */
export const AUTHOR_ABS_THRESHOLD = 3.293;

export function computeDoa(fa: number, dl: number, ac: number): number {
  return DOA_CONSTANT + DOA_FA * fa + DOA_DL * dl - DOA_AC * Math.log(1 + ac);
}

/** The author rule of METRICS.md §4; the creator (FA = 1) is exempt from the absolute floor. */
export function isAuthor(doa: number, normDoa: number, fa: number): boolean {
  return normDoa > AUTHOR_NORM_THRESHOLD && (doa >= AUTHOR_ABS_THRESHOLD || fa >= 1);
}

export interface DoaInput {
  fa: number;
  dl: number;
  ac: number;
}

export interface DoaResult {
  doa: number;
  normDoa: number;
  isAuthor: boolean;
}

/** normDOA: the DOA over the file's highest. A maximum at or below zero cannot normalize; nobody is an author then. */
export function normalizeDoa(doa: number, max: number): number {
  return max > 0 ? doa / max : 0;
}

/** The highest of a file's DOAs (−Infinity for none). */
export function maxDoa(doas: readonly number[]): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const doa of doas) if (doa > max) max = doa;
  return max;
}

/** DOA, normalized DOA and authorship of every developer of one file (same order as the input). */
export function rankFile(inputs: readonly DoaInput[], isCreator: (index: number) => boolean = (i) => (inputs[i]?.fa ?? 0) > 0): DoaResult[] {
  const doas = inputs.map((input) => computeDoa(input.fa, input.dl, input.ac));
  const max = maxDoa(doas);
  return doas.map((doa, index) => {
    const normDoa = normalizeDoa(doa, max);
    return { doa, normDoa, isAuthor: isAuthor(doa, normDoa, isCreator(index) ? 1 : 0) };
  });
}
