/**
 * A schema (or any object) built from `make` the first time one of its properties is read. Apps
 * Script evaluates the whole bundle at every execution, every onEdit included: the schemas built at
 * load were ~11 ms of a ~28 ms load, while most executions need few of them, or none. The proxy
 * forwards every read to the built object, so it parses, nests in other schemas and types exactly as
 * that object does.
 */
export function lazy<T extends object>(make: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= make());
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
