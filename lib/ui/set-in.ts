// Immutable update of a nested value by path (form drafts): setIn({a: {b: 1}}, ["a", "b"], 2).
export function setIn<T>(object: T, path: readonly (string | number)[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const source = (object ?? (typeof head === "number" ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(source) ? [...source] : { ...source }) as Record<string | number, unknown>;
  copy[head!] = setIn(source[head!], rest, value);
  return copy as T;
}

export function getIn(object: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value && typeof value === "object" ? (value as Record<string | number, unknown>)[key] : undefined),
    object,
  );
}
