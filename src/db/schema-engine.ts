import { PROJECT_ROOT } from '../project-root';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlQuery,
  type SqlResultSet,
} from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

/**
 * Prisma's schema engine compiled to WebAssembly, driven through the same `pg` driver adapter the
 * application uses. This is what lets migrations run offline: the Prisma CLI would otherwise download
 * a native schema-engine binary from a CDN.
 */

type WasmSchemaEngine = typeof import('@prisma/schema-engine-wasm');
type SchemaEngine = import('@prisma/schema-engine-wasm').SchemaEngine;
type MigrationList = import('@prisma/schema-engine-wasm').MigrationList;

export { PROJECT_ROOT };
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'prisma', 'migrations');
export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'prisma', 'schema.prisma');
const NO_FILTER = { externalTables: [], externalEnums: [] };

let wasmModule: Promise<WasmSchemaEngine> | undefined;

/** The package ships an ES-module wasm import that Node cannot load directly; instantiate it by hand. */
function loadWasmEngine(): Promise<WasmSchemaEngine> {
  wasmModule ??= (async () => {
    // The engine reports Rust panics through this global before it throws.
    const registry = {
      message: '',
      set_message(m: string) {
        registry.message = `schema engine panic: ${m}`;
      },
    };
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= registry;
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const pkgDir = path.dirname(bindingsPath);
    const bindings = (await import(bindingsPath)) as WasmSchemaEngine & {
      __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
    };
    const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bindings;
  })();
  return wasmModule;
}

const PG_INTERNAL_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The `pg` driver adapter as the schema engine needs it. Two gaps of @prisma/adapter-pg 7.10 are
 * closed here, for migrations only (the application uses the adapter unchanged):
 * - introspection reads catalog columns of Postgres' internal `"char"` type, which the adapter
 *   refuses; they are single characters, so they are handed on as text;
 * - `executeScript` splits a script on every `;`, which breaks function bodies (`$$ … ; … $$`);
 *   a migration script is sent whole instead, as `psql` would.
 */
function migrationAdapterFactory(connectionString: string): { factory: PrismaPg; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString, max: 1 });
  const charColumnsOf = new WeakMap<unknown[], number[]>();
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  (pool as unknown as { query: unknown }).query = async (...args: unknown[]) => {
    const result = await query(...args);
    const charColumns: number[] = [];
    (result?.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID === PG_INTERNAL_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(i);
      }
    });
    if (charColumns.length > 0) charColumnsOf.set(result.rows, charColumns);
    return result;
  };
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (q: SqlQuery): Promise<SqlResultSet> => {
      const result = await queryRaw(q);
      for (const i of charColumnsOf.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
      return result;
    };
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  };
  return { factory, close: () => pool.end() };
}

export async function withSchemaEngine<T>(
  connectionString: string,
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const wasm = await loadWasmEngine();
  const schema = await readFile(SCHEMA_FILE, 'utf8');
  const { factory, close } = migrationAdapterFactory(connectionString);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const log = (message: string) => {
    if (process.env.PRISMA_ENGINE_DEBUG) process.stderr.write(`[schema-engine] ${message}\n`);
  };
  const engine = await wasm.SchemaEngine.new({ datamodels: [[SCHEMA_FILE, schema]] }, log, adapter);
  try {
    return await use(engine);
  } finally {
    engine.free();
    await close();
  }
}

/** Reads prisma/migrations exactly as `prisma migrate` does (folder per migration, migration.sql inside). */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockPath = 'migration_lock.toml';
  const lockContent = await readFile(path.join(dir, lockPath), 'utf8').catch(() => null);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((e) => e.isDirectory())
      .map(async (e) => {
        const content = await readFile(path.join(dir, e.name, 'migration.sql'), 'utf8')
          .then((value) => ({ tag: 'ok' as const, value }))
          .catch((err: Error) => ({ tag: 'error' as const, value: err.message }));
        return { path: e.name, migrationFile: { path: 'migration.sql', content } };
      }),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: dir,
    lockfile: { path: lockPath, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies every pending migration and records it in `_prisma_migrations`, as `prisma migrate deploy` does. */
export async function applyMigrations(connectionString: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrations(dir);
  return withSchemaEngine(connectionString, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return appliedMigrationNames;
  });
}

/** SQL that takes the live database (introspected through the adapter) to the current schema.prisma. */
export async function diffDatabaseToSchema(connectionString: string): Promise<string> {
  const schema = await readFile(SCHEMA_FILE, 'utf8');
  const files = [{ path: SCHEMA_FILE, content: schema }];
  return withSchemaEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: PROJECT_ROOT },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? '';
  });
}
