/**
 * A memo for module-level caches keyed by names, paths or settings: an editor's ESLint server runs
 * for hours and meets ever new keys, so past `limit` entries the map starts over. Clearing beats
 * evicting one by one here: answers are cheap to recompute, and the bookkeeping would cost on
 * every hit.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit = 5_000) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}
