/** Reading the API's /metrics: Prometheus text, summed over every API of an engine. */

export type Samples = Map<string, number>;

const key = (name: string, labels: Record<string, string>) =>
  `${name}{${Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`;

/** Every sample of the texts, the same series of several processes added together. */
export function parseSamples(texts: string[]): Samples {
  const samples: Samples = new Map();
  for (const text of texts)
    for (const line of text.split('\n')) {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) continue;
      const labels = Object.fromEntries(
        [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]),
      );
      const k = key(m[1], labels);
      samples.set(k, (samples.get(k) ?? 0) + Number(m[3]));
    }
  return samples;
}

export const valueOf = (samples: Samples, name: string, labels: Record<string, string>) =>
  samples.get(key(name, labels)) ?? 0;

/** The values one label takes in the series of `name` that carry `where`, in the order they appear. */
export function labelValues(samples: Samples, name: string, label: string, where: Record<string, string>): string[] {
  const found = new Set<string>();
  for (const k of samples.keys()) {
    if (!k.startsWith(`${name}{`)) continue;
    const labels = Object.fromEntries([...k.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(where).every(([w, v]) => labels[w] === v) && labels[label] !== undefined)
      found.add(labels[label]);
  }
  return [...found];
}

/** Scrapes every API of the engine. */
export async function scrapeApis(metrics: { urls: string[]; token: string }): Promise<Samples> {
  const texts = await Promise.all(
    metrics.urls.map(async (url) => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${metrics.token}` } });
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      return res.text();
    }),
  );
  return parseSamples(texts);
}
