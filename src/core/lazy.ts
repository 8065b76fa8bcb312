/**
 * An object built the first time anything reads it, standing in for it meanwhile (a Proxy that forwards every read).
 *
 * Apps Script runs the whole of Code.js's top level before every execution: each menu click, edit, page call and
 * trigger (issue 18). What that top level builds (zod schemas, the presets parsed through them) is paid for by calls
 * that never use it, and building a first schema is what has V8 compile zod. Declared with `lazy`, a schema is built
 * by the call that parses with it, once per execution; its type is the built object's, so `z.infer<typeof X>` and
 * nesting it in another schema work unchanged.
 *
 * Only for plain objects and zod schemas: a Map's or a Set's methods need the real object as `this`, which a proxy
 * is not (build those in a function that keeps what it built).
 */
export function lazy<T extends object>(build: () => T): T {
  let built: T | undefined;
  const value = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(value(), key),
    has: (_, key) => Reflect.has(value(), key),
    set: (_, key, v) => Reflect.set(value(), key, v),
    ownKeys: () => Reflect.ownKeys(value()),
    getPrototypeOf: () => Reflect.getPrototypeOf(value()),
    // A proxy may not report a property non-configurable that its own (empty) target lacks.
    getOwnPropertyDescriptor: (_, key) => {
      const found = Reflect.getOwnPropertyDescriptor(value(), key);
      return found && { ...found, configurable: true };
    },
  });
}
