// A map from pairs of small non-negative integers (a, b) to a positive integer. While a × b stays small it is one
// flat array indexed a · width + b: a row of the register finds its pair in the cache lines its neighbours used.
// A flat array grows with the largest keys, though (100 000 distinct system names × 64 kommune slots is 25 MB), so
// past a limit the pairs move to an open-addressing hash table whose size follows the pairs stored.

/** Int32s per hashed slot: a + 1 (0 = empty), b, value. */
const STRIDE = 3;

/** Largest flat array, in Int32s (16 MB). */
const DENSE_LIMIT = 1 << 22;

/** Pairs (a, b) → value > 0; 0 means "not stored". Keys must be integers 0 … 2³¹−2. */
export class PairTable {
  private size = 0;
  // Flat mode: values at a · width + b, `rows` rows of `width` (a power of two, so the index is a shift).
  private dense: Int32Array | undefined;
  private width = 64;
  private rows = 1024;
  // Hashed mode.
  private capacity = 0;
  private slots: Int32Array = new Int32Array(0);

  constructor(private readonly denseLimit = DENSE_LIMIT) {
    this.dense = this.width * this.rows <= denseLimit ? new Int32Array(this.width * this.rows) : undefined;
    if (this.dense === undefined) this.rehash(1024);
  }

  /** Int32s allocated: the flat array's length, or three per hashed slot (at most four slots per pair stored). */
  get room(): number {
    return this.dense !== undefined ? this.dense.length : this.slots.length;
  }

  /** Number of pairs stored. */
  get count(): number {
    return this.size;
  }

  /** The value stored for the pair; when there is none, stores `value` (> 0) and returns 0. */
  getOrSet(a: number, b: number, value: number): number {
    const dense = this.dense;
    if (dense !== undefined && a < this.rows && b < this.width) {
      const i = a * this.width + b;
      const first = dense[i]!;
      if (first === 0) {
        dense[i] = value;
        this.size++;
      }
      return first;
    }
    if (dense !== undefined && this.widen(a, b)) return this.getOrSet(a, b, value);
    return this.hashed(a, b, value);
  }

  /** Makes the flat array hold (a, b), or moves every pair to the hash table; true when still flat. */
  private widen(a: number, b: number): boolean {
    let width = this.width;
    let rows = this.rows;
    while (width <= b) width *= 2;
    while (rows <= a) rows *= 2;
    const old = this.dense!;
    const oldWidth = this.width;
    if (width * rows <= this.denseLimit) {
      const next = new Int32Array(width * rows);
      // More rows only (the usual growth): the old rows are the new array's first rows as they stand.
      if (width === oldWidth) next.set(old);
      else for (let i = 0; i < old.length; i++) if (old[i] !== 0) next[Math.floor(i / oldWidth) * width + (i % oldWidth)] = old[i]!;
      this.dense = next;
      this.width = width;
      this.rows = rows;
      return true;
    }
    this.dense = undefined;
    this.rehash(Math.max(1024, 4 * this.size));
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.hashed(Math.floor(i / oldWidth), i % oldWidth, old[i]!);
    return false;
  }

  private hashed(a: number, b: number, value: number): number {
    if ((this.size + 1) * 2 > this.capacity) this.rehash(this.capacity * 2);
    const slots = this.slots;
    const mask = this.capacity - 1;
    const tag = a + 1;
    for (let i = slotOf(a, b) & mask; ; i = (i + 1) & mask) {
      const at = i * STRIDE;
      const k = slots[at]!;
      if (k === 0) {
        slots[at] = tag;
        slots[at + 1] = b;
        slots[at + 2] = value;
        this.size++;
        return 0;
      }
      if (k === tag && slots[at + 1] === b) return slots[at + 2]!;
    }
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    let size = 1024;
    while (size < capacity) size *= 2;
    this.capacity = size;
    this.slots = new Int32Array(size * STRIDE);
    this.size = 0;
    for (let at = 0; at < old.length; at += STRIDE) if (old[at] !== 0) this.hashed(old[at]! - 1, old[at + 1]!, old[at + 2]!);
  }
}

/** Mixes the pair into a slot number (MurmurHash3's finaliser; the table's mask takes the low bits). */
function slotOf(a: number, b: number): number {
  let h = (Math.imul(a, 0x9e3779b1) + b) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
