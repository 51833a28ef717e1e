const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * A deep copy of `value` with `redact` applied to strings: all of them, or only those at the
 * given dot paths. Arrays are walked item by item without consuming a path segment; cycles are
 * left as they are.
 *
 * @internal
 */
export function redactFields<T>(
  value: T,
  redact: (text: string) => string,
  paths?: readonly string[],
): T {
  const selectors = paths?.map((path) => path.split('.'));
  const ancestors = new Set<unknown>();

  const walk = (node: unknown, rest: readonly (readonly string[])[] | undefined): unknown => {
    if (typeof node === 'string') {
      const selected = rest === undefined || rest.some((segments) => segments.length === 0);
      return selected ? redact(node) : node;
    }
    if (ancestors.has(node)) return node;
    if (Array.isArray(node)) {
      ancestors.add(node);
      const copy = node.map((item: unknown) => walk(item, rest));
      ancestors.delete(node);
      return copy;
    }
    if (!isPlainObject(node)) return node;
    ancestors.add(node);
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node)) {
      if (rest?.every((segments) => segments[0] !== key) === true) {
        copy[key] = item;
        continue;
      }
      const next = rest
        ?.filter((segments) => segments[0] === key)
        .map((segments) => segments.slice(1));
      copy[key] = walk(item, next);
    }
    ancestors.delete(node);
    return copy;
  };

  return walk(value, selectors) as T;
}
