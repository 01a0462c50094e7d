// Until an import plugin is installed: no module may reach itself through its imports (type-only
// imports included — a type cycle ties the modules' meaning as tightly as a runtime one).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const importsOf = new Map();

/** The project's modules a module imports (relative specifiers only: packages cannot import us). */
function imported(file) {
  let found = importsOf.get(file);
  if (found) return found;
  const text = readFileSync(file, 'utf8');
  found = ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => resolve(file, f.fileName))
    .filter((f) => f !== undefined);
  importsOf.set(file, found);
  return found;
}

function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find(
    (candidate) => candidate.endsWith('.ts') && existsSync(candidate),
  );
}

/** The path from `start` back to `target`, if there is one. */
function pathBack(start, target) {
  const seen = new Set();
  const walk = (file, trail) => {
    if (file === target) return trail;
    if (seen.has(file)) return undefined;
    seen.add(file);
    for (const next of imported(file)) {
      const found = walk(next, [...trail, next]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, [start]);
}

export default {
  meta: {
    type: 'problem',
    messages: { cycle: 'Import cycle: {{cycle}}. Move what both need into a module that imports neither.' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const root = context.cwd;
    const check = (node) => {
      const target = node.source && resolve(file, node.source.value);
      if (!target) return;
      const back = pathBack(target, file);
      if (back) {
        const cycle = [file, ...back].map((f) => path.relative(root, f)).join(' -> ');
        context.report({ node: node.source, messageId: 'cycle', data: { cycle } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
