import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Where a schema accepts keys it does not name: every object that is not strict (`z.object` strips
 * them, `z.looseObject` passes them through), as a path from the schema's root.
 */
export function nonStrictObjectsIn(schema: z.ZodType, path = '$', seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const inner = (child: z.ZodType | undefined, at: string) => (child ? nonStrictObjectsIn(child, at, seen) : []);
  switch (def.type) {
    case 'object':
      return [
        ...(def.catchall && defOf(def.catchall).type === 'never' ? [] : [path]),
        ...Object.entries(def.shape ?? {}).flatMap(([key, child]) => inner(child, `${path}.${key}`)),
      ];
    case 'array':
      return inner(def.element, `${path}[]`);
    case 'union':
      return (def.options ?? []).flatMap((option, i) => inner(option, `${path}|${i}`));
    case 'record':
      return inner(def.valueType, `${path}{}`);
    case 'pipe':
      return [...inner(def.in, path), ...inner(def.out, path)];
    case 'intersection':
      return [...inner(def.left, path), ...inner(def.right, path)];
    case 'lazy':
      return inner(def.getter?.(), path);
    default:
      return inner(def.innerType, path);
  }
}
