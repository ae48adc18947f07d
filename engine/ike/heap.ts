/*
 * A binary min-heap of items by numeric key, for the SA indexes' "what falls due next" queues.
 * Ties pop in no particular order: callers order what they pop themselves.
 */

export class MinHeap<T> {
  private readonly keys: number[] = [];
  private readonly items: T[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The smallest key, or +Infinity when empty. */
  peekKey(): number {
    return this.keys.length === 0 ? Infinity : (this.keys[0] as number);
  }

  push(key: number, item: T): void {
    const keys = this.keys;
    const items = this.items;
    let i = keys.length;
    keys.push(key);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent] as number;
      if (pk <= key) break;
      keys[i] = pk;
      items[i] = items[parent] as T;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  pop(): T | undefined {
    const keys = this.keys;
    const items = this.items;
    if (keys.length === 0) return undefined;
    const top = items[0];
    const lastKey = keys.pop() as number;
    const lastItem = items.pop() as T;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && (keys[child + 1] as number) < (keys[child] as number)) child += 1;
        if ((keys[child] as number) >= lastKey) break;
        keys[i] = keys[child] as number;
        items[i] = items[child] as T;
        i = child;
      }
      keys[i] = lastKey;
      items[i] = lastItem;
    }
    return top;
  }
}
