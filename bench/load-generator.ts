/**
 * The referral load, from a second process: POSTs realistic referral bodies (a fresh submissionId
 * each) at a fixed rate (open loop: a slow answer does not slow the schedule) or at saturation
 * (closed loop, N concurrent senders), for some seconds or until `count` referrals were sent.
 * Prints one JSON line: latencies, throughput, errors.
 * Usage: tsx bench/load-generator.ts <url> <token> <rate|saturation> <rate-or-concurrency> <seconds> [count]
 */
import { randomUUID } from 'node:crypto';
import { summarize } from './stats';

const [url, token, mode, level, seconds, count] = process.argv.slice(2);
const durationMs = Number(seconds) * 1000;
const limit = count ? Number(count) : Infinity;

function body(i: number) {
  const social = i % 5 === 4;
  const person = {
    givenName: `Bench${i % 97}`,
    familyName: `Load${i % 89}`,
    dateOfBirth: `19${60 + (i % 39)}-0${1 + (i % 9)}-1${i % 9}`,
  };
  if (social) {
    return {
      path: '/api/referrals/social-contacts',
      json: {
        submissionId: randomUUID(),
        agency: 'BURIEN_PD',
        source: { type: 'OFFICER', referrerId: 'B-2210' },
        person,
        verification: { bases: ['DIRECT_OBSERVATION'] },
        drivers: ['DRUG_ACTIVITY'],
        violations: [{ date: new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10), area: 'BURIEN' }],
      },
    };
  }
  return {
    path: '/api/referrals/arrest-diversions',
    json: {
      submissionId: randomUUID(),
      agency: 'BURIEN_PD',
      officer: { id: 'B-1047' },
      person,
      incident: { withinCityLimits: i % 2 === 0 },
      offenses: [
        {
          code: i % 3 === 0 ? 'CRIMINAL_TRESPASS' : 'VUCSA_POSSESSION',
          ...(i % 3 === 0 ? {} : { drug: { substance: 'OTHER', grams: 1, activity: 'POSSESSION' } }),
        },
      ],
      judgments: {
        amenable: true,
        dealingForProfit: false,
        exploitsOthers: false,
        promotingProstitution: false,
        safetyConcern: false,
      },
      circumstances: { needsImmediateMedicalCare: false, ableToConsent: true },
    },
  };
}

async function send(i: number, latencies: number[], errors: { count: number; byStatus: Record<string, number> }) {
  const { path, json } = body(i);
  const started = performance.now();
  try {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(json),
    });
    await res.arrayBuffer();
    if (res.status !== 201) {
      errors.count++;
      errors.byStatus[res.status] = (errors.byStatus[res.status] ?? 0) + 1;
    }
  } catch {
    errors.count++;
    errors.byStatus.network = (errors.byStatus.network ?? 0) + 1;
  }
  latencies.push(performance.now() - started);
}

async function main() {
  const latencies: number[] = [];
  const errors = { count: 0, byStatus: {} as Record<string, number> };
  const started = performance.now();
  let i = 0;
  if (mode === 'rate') {
    const rate = Number(level);
    const pending: Promise<void>[] = [];
    while (performance.now() - started < durationMs && i < limit) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(send(i++, latencies, errors));
    }
    await Promise.all(pending);
  } else {
    await Promise.all(
      Array.from({ length: Number(level) }, async () => {
        while (performance.now() - started < durationMs && i < limit) await send(i++, latencies, errors);
      }),
    );
  }
  const elapsed = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      mode,
      level: Number(level),
      requests: latencies.length,
      errors: errors.count,
      errorsByStatus: errors.byStatus,
      throughput: latencies.length / elapsed,
      latency: summarize(latencies),
    }),
  );
}

void main();
