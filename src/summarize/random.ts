/**
 * mulberry32, a 32-bit seeded pseudo-random generator (Tommy Ettinger, public domain): small,
 * fast and good enough for picking initial medoids. Same seed, same sequence.
 *
 * @param seed - Any integer; only its low 32 bits are used.
 * @returns A function giving numbers in `[0, 1)`.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
