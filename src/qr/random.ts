/**
 * A small, fast, seedable generator (mulberry32): the read-back's "random"
 * choices (the phone's tilt, the sensor's noise) follow from a seed, so a run
 * always decodes the same frames.
 */
export class Mulberry32 {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next draw as a whole number in [0, 2^32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** The next draw in [0, 1). */
  uniform(): number {
    return this.next() / 4294967296;
  }
}
