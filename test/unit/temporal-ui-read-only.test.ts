import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { inlineScriptHashes, isUiRead, readOnlySettings } from '../../src/api/temporal-ui-content';
import { temporalUiPart } from '../../src/stack/ui-server';

/** issue 22 item 3: the Temporal Web UI served through the product is read-only, under the product's CSP. */
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

test('issue 22 item 3: through the product the UI reads — GET, HEAD, a workflow query — and writes nothing', () => {
  const workflow = '/api/v1/namespaces/default/workflows/BUR-0123456789';
  for (const path of ['/namespaces/default/workflows', `${workflow}`, '/api/v1/settings'])
    for (const method of ['GET', 'HEAD']) expect([method, path, isUiRead(method, path)]).toEqual([method, path, true]);
  expect(isUiRead('POST', `${workflow}/query/__temporal_workflow_metadata`)).toBe(true);
  expect(isUiRead('POST', `${workflow}/query/caseState`)).toBe(true);
  const writes: Array<[string, string]> = [
    ['POST', `${workflow}/update/recordCaseNote`],
    ['POST', `${workflow}/signal/coordinationAlert`],
    ['POST', `${workflow}/terminate`],
    ['POST', `${workflow}/cancel`],
    ['POST', `${workflow}/reset`],
    ['POST', '/api/v1/namespaces/default/workflows/new-case'],
    ['POST', '/api/v1/namespaces/default/batch-operations/b1'],
    ['POST', '/api/v1/namespaces/default/schedules/s1'],
    ['POST', `${workflow}/query/x%2F..%2F..%2Fupdate%2FrecordCaseNote`],
    ['POST', `${workflow}/query/../update`],
    ['POST', '/api/v1/namespaces/default/workflows/../query/x'],
    ['POST', `/prefix${workflow}/query/caseState`],
    ['PUT', `${workflow}/query/caseState`],
    ['DELETE', workflow],
    ['PATCH', workflow],
    ['OPTIONS', workflow],
  ];
  for (const [method, path] of writes) expect([method, path, isUiRead(method, path)]).toEqual([method, path, false]);
});

test('issue 22 item 3: the CSP admits exactly the inline scripts of the page, by the hash of their text', () => {
  const boot = '\n  { __sveltekit = { base: "/temporal" }; }\n';
  const html = `<html><head><script src="/temporal/_app/a.js"></script></head>
    <body><div><script>${boot}</script><SCRIPT type="module">go()</SCRIPT ></div></body></html>`;
  expect(inlineScriptHashes(html)).toEqual([sha256(boot), sha256('go()')]);
  expect(inlineScriptHashes('<p>no script</p>')).toEqual([]);
});

test("issue 22 item 3: the UI's settings say its write actions are off, whatever its server said", () => {
  const upstream = Buffer.from(JSON.stringify({ DisableWriteActions: false, DefaultNamespace: 'default' }));
  expect(JSON.parse(readOnlySettings(upstream).toString())).toEqual({
    DisableWriteActions: true,
    DefaultNamespace: 'default',
  });
  const notJson = Buffer.from('<html>');
  expect(readOnlySettings(notJson)).toBe(notJson);
});

test("issue 22 item 3: the stack's Web UI server is started with its own setting that disables write actions", () => {
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'lead-ui-config-'));
  temporalUiPart({
    tools: '/nonexistent',
    configDir,
    logDir: configDir,
    port: 1,
    frontendPort: 2,
    namespace: 'default',
    certs: {
      caCert: 'ca.pem',
      serverCert: 'server.pem',
      serverKey: 'server-key.pem',
      clientCert: 'client.pem',
      clientKey: 'client-key.pem',
      serverName: 'temporal',
    },
  });
  const config = parse(readFileSync(path.join(configDir, 'development.yaml'), 'utf8'));
  expect(config.disableWriteActions).toBe(true);
});
