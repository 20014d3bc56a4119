import type { IdbRowsResult } from './idbRows';

export interface LoadResult {
  volunteers: number;
  p95Ms: number;
  errors: number;
  lostOps: number;
}

export interface BrowserFigures {
  searchP95Ms: number | null;
  qrOpenMs: number | null;
  dashboardMs: number | null;
  unlockMs: number | null;
}

/** The build before a change (BENCH_BASELINE), measured in the same run, builds taking turns. */
export interface Versus {
  ref: string;
  commit: string;
  /** Each figure as [this build, the build before]. */
  figures: Partial<Record<string, [number | null, number | null]>>;
}

export interface BenchResults {
  firstScreenJsGzipKB: number | null;
  lighthousePerformance: number | null;
  searchP95Ms: number | null;
  qrOpenMs: number | null;
  dashboardMs: number | null;
  /** PIN entered → first screen with the device's data, on the device holding the commune. */
  unlockMs: number | null;
  freshPullS: number | null;
  syncVsPouchRatio: number | null;
  load: LoadResult | null;
  /** Another commune's login and pull while one volunteer floods pulls (fairness.ts). */
  fairness: { otherCommuneP95Ms: number; refused: number; pulls: number } | null;
  /** IndexedDB's cost per row written (idbRows.ts): no budget, the reason for the chunked tables. */
  idbRows: IdbRowsResult | null;
  throttled: (BrowserFigures & { cpuSlowdown: number }) | null;
  versus: Versus | null;
  machine: Record<string, string | number>;
  notes: Partial<Record<string, string>>;
}

type Budget = { label: string; budget: string; ok: (v: number) => boolean };

export const BUDGETS: Partial<Record<keyof BenchResults, Budget>> = {
  firstScreenJsGzipKB: {
    label: 'JS for the first screen (gzip KB)',
    budget: '≤ 150',
    ok: (v) => v <= 150,
  },
  lighthousePerformance: {
    label: 'Lighthouse performance (mobile)',
    budget: '≥ 95',
    ok: (v) => v >= 95,
  },
  searchP95Ms: { label: 'search p95 (ms)', budget: '≤ 50', ok: (v) => v <= 50 },
  qrOpenMs: { label: 'QR decode → household shown (ms)', budget: '≤ 100', ok: (v) => v <= 100 },
  dashboardMs: { label: 'dashboard render (ms)', budget: '≤ 500', ok: (v) => v <= 500 },
  unlockMs: { label: 'PIN → first screen with data (ms)', budget: '≤ 1000', ok: (v) => v <= 1000 },
  freshPullS: { label: 'fresh device pulls the commune (s)', budget: '≤ 20', ok: (v) => v <= 20 },
  syncVsPouchRatio: {
    label: 'PouchDB time ÷ ours, 20k push+pull',
    budget: '≥ 5',
    ok: (v) => v >= 5,
  },
};

export function printTable(results: BenchResults, budgets: typeof BUDGETS) {
  const rows: string[][] = [['figure', 'value', 'budget', '']];
  for (const [key, b] of Object.entries(budgets) as [keyof BenchResults, Budget][]) {
    const v = results[key];
    const value = typeof v === 'number' ? String(v) : '—';
    rows.push([
      b.label,
      value,
      b.budget,
      typeof v === 'number' ? (b.ok(v) ? 'ok' : 'OVER') : (results.notes[key] ?? ''),
    ]);
  }
  if (results.load) {
    const l = results.load;
    rows.push([
      `${l.volunteers} volunteers sync (p95 ms, errors, lost)`,
      `${l.p95Ms}, ${l.errors}, ${l.lostOps}`,
      '≤ 500, 0, 0',
      l.p95Ms <= 500 && l.errors === 0 && l.lostOps === 0 ? 'ok' : 'OVER',
    ]);
  }
  if (results.fairness) {
    const f = results.fairness;
    rows.push([
      `other commune's login and pull during a flood of ${f.pulls} pulls (p95 ms)`,
      String(f.otherCommuneP95Ms),
      '≤ 1000',
      f.otherCommuneP95Ms <= 1000 ? 'ok' : 'OVER',
    ]);
  }
  if (results.throttled) {
    const t = results.throttled;
    const show = (v: number | null) => (v === null ? '—' : String(v));
    rows.push([
      `CPU ${t.cpuSlowdown}× slower: search p95, QR open, dashboard, unlock (ms)`,
      `${show(t.searchP95Ms)}, ${show(t.qrOpenMs)}, ${show(t.dashboardMs)}, ${show(t.unlockMs)}`,
      '(cheap phone; same budgets)',
      '',
    ]);
  }
  if (results.versus) {
    const v = results.versus;
    const show = (n: number | null | undefined) =>
      n === null || n === undefined ? '—' : String(n);
    for (const [figure, pair] of Object.entries(v.figures)) {
      const [now, before] = pair ?? [null, null];
      const change =
        typeof now === 'number' && typeof before === 'number' && before > 0
          ? `${now >= before ? '+' : ''}${Math.round(((now - before) / before) * 100)} %`
          : '';
      rows.push([
        `${figure}: this build / ${v.ref} (${v.commit})`,
        `${show(now)} / ${show(before)}`,
        change,
        '',
      ]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log(`machine: ${JSON.stringify(results.machine)}`);
  for (const [key, note] of Object.entries(results.notes)) console.log(`note ${key}: ${note}`);
}
