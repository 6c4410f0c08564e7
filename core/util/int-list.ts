// A growable list of 32-bit integers. Its numbers live in a typed array, outside the collector's young space: a
// rule that notes tens of thousands of rows during a check adds no work to every collection while it runs.

export class IntList {
  private items = new Int32Array(256);
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.size++] = value;
  }

  /** The value at index i (0 … length−1). */
  at(i: number): number {
    return this.items[i]!;
  }

  /** Empties the list and gives back its memory. */
  clear(): void {
    this.items = new Int32Array(256);
    this.size = 0;
  }
}
