/**
 * Delays for polling a backend that cannot push: short at first, so a trace that is
 * already there is seen quickly, growing to a cap so a slow one costs few requests.
 */
export class Backoff {
  #next: number;
  constructor(
    readonly initialMs = 25,
    readonly capMs = 500,
    readonly factor = 1.6,
  ) {
    this.#next = initialMs;
  }

  next(): number {
    const delay = this.#next;
    this.#next = Math.min(this.capMs, Math.round(this.#next * this.factor));
    return delay;
  }

  reset(): void {
    this.#next = this.initialMs;
  }
}
