// Lookups in plain-object tables that never answer with what Object.prototype holds: names from the inventory
// (`constructor`, `toString`, `__proto__`, ...) are valid ids, settings and deployments, not keys into the prototype.

/** The value stored under `key` in the table itself, or undefined; never an inherited `constructor` or `toString`. */
export function ownValue<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A table without a prototype, from entries: reading a missing name gives undefined, writing `__proto__` is an entry. */
export function recordWithoutPrototype<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}
