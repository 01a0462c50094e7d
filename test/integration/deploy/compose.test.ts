/**
 * The production-like stack, checked without a Docker engine: docker-compose.yml against the Compose
 * Specification's schema (deploy/compose-spec.schema.json), pinned images, documented variables, the
 * README's list of services, and the Dockerfile's runtime stage.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import { parse } from 'yaml';
import { SEARCH_ATTRIBUTE_FLAGS } from '../../../src/contract/search-attributes';
import { CODEC_ENDPOINT, TEMPORAL_UI_PATH } from '../../../src/shared/temporal-ui-paths';
import { WORKER_NODE_FLAGS } from '../../../src/temporal/worker-node-flags';
import { certificateFiles, mtlsClientEnvironment } from '../../../src/stack/certificates';
import {
  APIS,
  DATABASES,
  DYNAMIC_CONFIG,
  HISTORY_SHARDS,
  NAMESPACE_RETENTION_DAYS,
  TEMPORAL_SERVER_VERSION,
  WORKERS,
} from '../../../src/stack/settings';

interface Service {
  image?: string;
  volumes?: Array<string | { source?: string; target?: string; read_only?: boolean }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  deploy?: { replicas?: number };
  container_name?: string;
  ports?: Array<string | number | { published?: string | number }>;
  environment?: Record<string, string | number | boolean | null> | string[];
  command?: string | string[];
}

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const composeText = read('docker-compose.yml');
// Compose resolves YAML merge keys (<<) before it validates, so the test does too.
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, Service>;
  configs: Record<string, { content: string }>;
};
const readme = read('README.md');
const dockerfile = read('Dockerfile');

/** What Compose makes of `${VAR:-default}` when VAR is unset (an unset variable without default: ''). */
const withDefaults = (text: string) =>
  text.replace(/\$\{[A-Z0-9_]+(?::?[-?]([^}]*))?\}/g, (_, fallback?: string) => fallback ?? '');

const isPinned = (image: string) => {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  return tag !== undefined && tag !== 'latest';
};

const environmentOf = (service: Service): string[] =>
  Array.isArray(service.environment)
    ? service.environment.map((e) => e.split('=')[0])
    : Object.keys(service.environment ?? {});

const documented = (name: string) => readme.includes(`\`${name}\``);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === path.join(ROOT, 'src', 'generated') ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every variable the product's processes read: `process.env.X`, `env.X` and the zod environment schema's keys. */
function variablesTheProductReads(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(
      /\benv\??\.([A-Z][A-Z0-9_]*)\b|process\.env\[['"]([A-Z][A-Z0-9_]*)['"]\]/g,
    ))
      names.add(m[1] ?? m[2]);
  }
  const schema = /z\.object\(\{([\s\S]*?)\n\}\)/.exec(read('src/main/environment.ts'))?.[1] ?? '';
  for (const m of schema.matchAll(/^\s*([A-Z][A-Z0-9_]*):/gm)) names.add(m[1]);
  return names;
}

describe('docker-compose.yml', () => {
  test('validates against the Compose Specification schema', () => {
    const schema = JSON.parse(read('deploy/compose-spec.schema.json'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addMetaSchema({ ...draft07, $id: schema.$schema }); // the spec names draft-07 by its https address
    const validate = ajv.compile(schema);
    expect(
      validate(compose)
        ? []
        : validate.errors?.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`),
    ).toEqual([]);
  });

  test('every image, in the compose file and the Dockerfile, has a pinned tag or digest', () => {
    const images = [
      ...Object.entries(compose.services).flatMap(([name, s]) =>
        s.image ? [`${name}: ${withDefaults(s.image)}`] : [],
      ),
      ...[...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => `Dockerfile: ${m[1]}`),
    ];
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((i) => !isPinned(i.split(': ')[1]))).toEqual([]);
  });

  test('every service the README names exists, and the README names every service', () => {
    const section = /^### docker compose\n([\s\S]*?)(?=^##|(?![\s\S]))/m.exec(readme)?.[1];
    expect(section).toBeDefined();
    const named = [...section!.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((name) => !(name in compose.services))).toEqual([]);
    expect(Object.keys(compose.services).filter((name) => !named.includes(name))).toEqual([]);
  });

  test('every variable the product reads, and every variable the compose file takes, is documented in the README', () => {
    const names = [...variablesTheProductReads()];
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'LEAD_PAYLOAD_KEYS', 'WORKER_CACHED_WORKFLOWS']));
    expect(names.filter((name) => !documented(name))).toEqual([]);
    const interpolated = new Set([...composeText.matchAll(/(?<!\$)\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]));
    expect([...interpolated].filter((name) => !documented(name))).toEqual([]);
  });

  test('the product services set only variables the product reads', () => {
    const known = variablesTheProductReads();
    for (const name of ['provision', 'migrate', 'worker', 'api']) {
      expect({ service: name, unknown: environmentOf(compose.services[name]).filter((v) => !known.has(v)) }).toEqual({
        service: name,
        unknown: [],
      });
    }
  });

  test('the worker scales: no fixed container name and no published host port', () => {
    const worker = compose.services.worker;
    expect(worker.container_name).toBeUndefined();
    const published = (worker.ports ?? []).filter((p) =>
      typeof p === 'object' ? p.published !== undefined : String(p).includes(':'),
    );
    expect(published).toEqual([]);
  });

  test('it runs what `npm run stack` runs: the settings of src/stack/settings.ts', () => {
    const s = compose.services;
    const env = (name: string) => s[name].environment as Record<string, string>;
    const userOf = (url: string) => new URL(withDefaults(url)).username;
    expect({
      server: s.temporal.image!.split(':')[1],
      shards: Number(env('temporal').NUM_HISTORY_SHARDS),
      apis: s.api.deploy?.replicas,
      workers: s.worker.deploy?.replicas,
      retention: /--retention (\d+)d/.exec([s['temporal-setup'].command].flat().join(' '))?.[1],
      ui: s['temporal-ui'].image!.split(':')[1],
    }).toEqual({
      server: TEMPORAL_SERVER_VERSION,
      shards: HISTORY_SHARDS,
      apis: APIS,
      workers: WORKERS,
      retention: String(NAMESPACE_RETENTION_DAYS),
      ui: /github\.com\/temporalio\/ui-server\/v2 v(\S+)/.exec(read('scripts/temporal-go/go.mod'))![1],
    });
    const dynamic = parse(compose.configs['temporal-dynamic-config'].content) as Record<
      string,
      Array<{ value: unknown }>
    >;
    expect(Object.fromEntries(Object.entries(dynamic).map(([k, v]) => [k, v[0].value]))).toEqual(DYNAMIC_CONFIG);
    // Least privilege: migrations as the owner, the API and workers as the application role, Temporal as its own.
    expect({
      app: [userOf(env('api').DATABASE_URL), userOf(env('worker').DATABASE_URL)],
      owner: userOf(env('migrate').MIGRATION_DATABASE_URL),
      temporal: [env('temporal').POSTGRES_USER, env('temporal-schema').SQL_USER],
    }).toEqual({
      app: [DATABASES.lead.app, DATABASES.lead.app],
      owner: DATABASES.lead.owner,
      temporal: [DATABASES.temporal.role, DATABASES.temporal.role],
    });
  });

  test('the API processes are reached through the front only', () => {
    expect(compose.services.api.ports).toBeUndefined();
    expect(compose.services.front.ports).toEqual(['3000:3000']);
    expect((compose.services.api.environment as Record<string, string>).TRUST_PROXY).toBe('1');
  });

  test('the worker starts with the same Node flags as package.json and the fault tests', () => {
    const command = [compose.services.worker.command].flat();
    const scripts = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(command.slice(0, 1 + WORKER_NODE_FLAGS.length)).toEqual(['node', ...WORKER_NODE_FLAGS]);
    expect(scripts.worker.split(' ').slice(0, 1 + WORKER_NODE_FLAGS.length)).toEqual(['node', ...WORKER_NODE_FLAGS]);
  });

  test('the setup job registers exactly the search attributes the workflows set', () => {
    const command = [compose.services['temporal-setup'].command].flat().join(' ');
    const registered = [...command.matchAll(/--name (\w+) --type (\w+)/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(registered.sort()).toEqual([...SEARCH_ATTRIBUTE_FLAGS].sort());
  });

  test("the Web UI is served by the API at /temporal and decodes through the API's codec server on the same origin", () => {
    const ui = compose.services['temporal-ui'].environment as Record<string, string>;
    const api = compose.services.api.environment as Record<string, string>;
    expect(ui.TEMPORAL_UI_PUBLIC_PATH).toBe(TEMPORAL_UI_PATH);
    expect(ui.TEMPORAL_CODEC_ENDPOINT).toBe(CODEC_ENDPOINT);
    expect(new URL(api.TEMPORAL_UI_UPSTREAM).hostname).toBe('temporal-ui');
    // Reached only through the API's sign-in: the UI publishes no port of its own.
    expect(compose.services['temporal-ui'].ports).toBeUndefined();
  });

  test("issue 22 item 3: the Web UI server's own setting makes it read-only, as the stack's UI server is", () => {
    const ui = compose.services['temporal-ui'].environment as Record<string, string>;
    expect(ui.TEMPORAL_DISABLE_WRITE_ACTIONS).toBe('true');
  });
});

describe('docker-compose.yml, issue 22 item 8', () => {
  const env = (name: string) => compose.services[name].environment as Record<string, string>;
  const CERTS = '/temporal-certs';
  const files = certificateFiles(CERTS, 'temporal');
  const mounts = (name: string) =>
    (compose.services[name].volumes ?? []).filter((v): v is string => typeof v === 'string');
  const dependencies = (name: string): string[] => {
    const d = compose.services[name].depends_on ?? [];
    const direct = Array.isArray(d) ? d : Object.keys(d);
    return [...direct, ...direct.flatMap(dependencies)];
  };

  test('R-EVAL: every API process gets the one EVALUATION_PSEUDONYM_KEY of .env, without which compose does not start', () => {
    expect(env('api').EVALUATION_PSEUDONYM_KEY).toMatch(/^\$\{EVALUATION_PSEUDONYM_KEY:\?[^}]+\}$/);
    // One service, every replica with its environment: one key for all of them, kept with .env.
    expect(compose.services.api.deploy?.replicas).toBeGreaterThan(1);
    expect(env('worker').EVALUATION_PSEUDONYM_KEY).toBeUndefined();
    expect(readme).toMatch(/^EVALUATION_PSEUDONYM_KEY=\$\(openssl rand -base64 32\)$/m);
  });

  test('Temporal serves mutual TLS only, with the certificates temporal-certs makes as npm run stack does', () => {
    const job = compose.services['temporal-certs'];
    expect(job.command).toEqual(['node', 'dist/src/main/temporal-certificates.js', CERTS, files.serverName]);
    expect(mounts('temporal-certs')).toEqual([`temporal-certs:${CERTS}`]);
    expect(env('temporal')).toMatchObject({
      TEMPORAL_TLS_REQUIRE_CLIENT_AUTH: 'true',
      TEMPORAL_TLS_FRONTEND_CERT: files.serverCert,
      TEMPORAL_TLS_FRONTEND_KEY: files.serverKey,
      TEMPORAL_TLS_CLIENT1_CA_CERT: files.caCert,
      TEMPORAL_TLS_SERVER_CERT: files.serverCert,
      TEMPORAL_TLS_SERVER_KEY: files.serverKey,
      TEMPORAL_TLS_SERVER_CA_CERT: files.caCert,
      TEMPORAL_TLS_FRONTEND_SERVER_NAME: files.serverName,
      TEMPORAL_TLS_INTERNODE_SERVER_NAME: files.serverName,
    });
    expect(compose.services.temporal.depends_on).toMatchObject({
      'temporal-certs': { condition: 'service_completed_successfully' },
    });
  });

  test('every Temporal client presents the client certificate and checks the frontend is the one the CA named', () => {
    for (const name of ['worker', 'api', 'temporal-setup']) {
      expect({ name, env: env(name) }).toEqual({ name, env: expect.objectContaining(mtlsClientEnvironment(files)) });
      expect(new URL(`grpc://${env(name).TEMPORAL_ADDRESS}`).hostname).toBe(files.serverName);
    }
    expect(env('temporal-setup')).toMatchObject({
      TEMPORAL_TLS_CERT: files.clientCert,
      TEMPORAL_TLS_KEY: files.clientKey,
      TEMPORAL_TLS_CA: files.caCert,
    });
    expect(env('temporal-ui')).toMatchObject({
      TEMPORAL_TLS_CA: files.caCert,
      TEMPORAL_TLS_CERT: files.clientCert,
      TEMPORAL_TLS_KEY: files.clientKey,
      TEMPORAL_TLS_ENABLE_HOST_VERIFICATION: 'true',
      TEMPORAL_TLS_SERVER_NAME: files.serverName,
    });
    for (const name of ['temporal', 'temporal-ui', 'temporal-setup', 'worker', 'api']) {
      expect({ name, mounts: mounts(name) }).toEqual({ name, mounts: [`temporal-certs:${CERTS}:ro`] });
      expect({ name, after: dependencies(name) }).toEqual({ name, after: expect.arrayContaining(['temporal-certs']) });
    }
    expect(dockerfile).toMatch(new RegExp(`^RUN mkdir ${CERTS} && chown node:node ${CERTS}$`, 'm'));
  });
});

describe('Dockerfile', () => {
  const stages = dockerfile.split(/^(?=FROM\s)/m).filter((s) => s.startsWith('FROM'));
  const runtime = stages[stages.length - 1];

  test('is multi-stage, and its runtime stage runs as a non-root user with a health check', () => {
    expect(stages.length).toBeGreaterThan(1);
    const users = [...runtime.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users[users.length - 1]);
    expect(runtime).toMatch(/^HEALTHCHECK\s+(?!NONE)/m);
  });

  test('production runs compiled JavaScript: the build stage runs npm run build, every process starts from dist/', () => {
    expect(stages.slice(0, -1).join('\n')).toMatch(/npm run build/);
    const commands = [
      JSON.parse(/^CMD\s+(\[.*\])$/m.exec(runtime)![1]) as string[],
      ...Object.values(compose.services).map((s) => s.command as string[] | undefined),
    ].filter((c): c is string[] => Array.isArray(c) && c[0] === 'node');
    expect(commands.length).toBeGreaterThan(3);
    for (const command of commands) {
      const script = command.find((arg) => !arg.startsWith('-') && arg !== 'node')!;
      expect(script).toMatch(/^dist\/src\/main\/[a-z-]+\.js$/);
      expect(existsSync(path.join(ROOT, script.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
      expect(command).not.toContain('tsx');
    }
  });
});
