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
}

export interface BenchResults {
  firstScreenJsGzipKB: number | null;
  lighthousePerformance: number | null;
  searchP95Ms: number | null;
  qrOpenMs: number | null;
  dashboardMs: number | null;
  freshPullS: number | null;
  syncVsPouchRatio: number | null;
  load: LoadResult | null;
  /** Another commune's login and pull while one volunteer floods pulls (fairness.ts). */
  fairness: { otherCommuneP95Ms: number; refused: number; pulls: number } | null;
  /** IndexedDB's cost per row written (idbRows.ts): no budget, the reason for the chunked tables. */
  idbRows: IdbRowsResult | null;
  throttled: (BrowserFigures & { cpuSlowdown: number }) | null;
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
      `CPU ${t.cpuSlowdown}× slower: search p95, QR open, dashboard (ms)`,
      `${show(t.searchP95Ms)}, ${show(t.qrOpenMs)}, ${show(t.dashboardMs)}`,
      '(cheap phone; same budgets)',
      '',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log(`machine: ${JSON.stringify(results.machine)}`);
  for (const [key, note] of Object.entries(results.notes)) console.log(`note ${key}: ${note}`);
}
