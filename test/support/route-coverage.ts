import type express from 'express';
import { CONTRACT, type RouteContract } from '../../src/api/contract/route';

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: Array<{ handle: unknown }> };
  handle: { stack?: Layer[] };
}

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/**
 * What the app serves against what is declared: every route of the router that serves declared routes
 * must carry a contract (a route added beside them with `router.get(…)` has none), no router nested in
 * it may serve routes of its own, nothing outside it may serve /api, and every contract is served once.
 */
export function routeCoverageProblems(app: express.Express, contracts: RouteContract[]): string[] {
  const problems: string[] = [];
  const served = new Map<string, number>();
  const visit = (stack: Layer[], within: 'app' | 'api' | 'nested-in-api') => {
    const declaresHere = stack.some((layer) => layer.route?.stack.some((s) => CONTRACT in (s.handle as object)));
    const scope = within === 'app' && declaresHere ? 'api' : within;
    for (const layer of stack) {
      if (layer.route) {
        const contract = layer.route.stack
          .map((s) => (s.handle as Record<symbol, RouteContract | undefined>)[CONTRACT])
          .find(Boolean);
        const methods = Object.keys(layer.route.methods);
        for (const method of methods) {
          if (contract) served.set(key(method, contract.path), (served.get(key(method, contract.path)) ?? 0) + 1);
          else if (scope !== 'app' || layer.route.path.startsWith('/api'))
            problems.push(`${key(method, layer.route.path)} is served without a contract`);
        }
      } else if (layer.handle.stack) {
        visit(layer.handle.stack, scope === 'app' ? 'app' : 'nested-in-api');
      }
    }
  };
  visit((app as unknown as { router: { stack: Layer[] } }).router.stack, 'app');
  for (const contract of contracts) {
    const count = served.get(key(contract.method, contract.path)) ?? 0;
    if (count !== 1) problems.push(`${key(contract.method, contract.path)} is declared and served ${count} times`);
    served.delete(key(contract.method, contract.path));
  }
  for (const route of served.keys()) problems.push(`${route} is served with a contract the document does not list`);
  return problems;
}
