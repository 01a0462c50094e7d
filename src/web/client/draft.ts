/**
 * A value of type `T` (a zod schema's input or output) of which any part may be missing: a form being
 * filled, or a record as far as this reader may see it.
 */
export type Draft<T> =
  T extends ReadonlyArray<infer E> ? Array<Draft<E>> : T extends object ? { [K in keyof T]?: Draft<T[K]> } : T;
