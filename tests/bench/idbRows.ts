/**
 * What this Chromium pays to write IndexedDB rows, the cost under every first sync: 200,000
 * member-like records written in transactions of 2,000 (as pulled pages are), once as one row per
 * record and once in rows of 100 records (recordChunks.ts). Raw IndexedDB, no Dexie, no app: the
 * floor for each layout. Reports seconds and ms per row; never a timed test.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../e2e/browser';
import { median } from './stats';

export interface IdbRowsResult {
  records: number;
  oneRowPerRecordS: number;
  chunksOf100S: number;
  msPerRow: number;
  msPerChunk: number;
}

/** Runs in the page: writes `records` records, `perRow` to a row, 2,000 records a transaction. */
const WRITE = `async ([records, perRow]) => {
  const open = indexedDB.open('rows-' + perRow + '-' + Math.random(), 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('s', { keyPath: 'id' });
    store.createIndex('hh', 'hh', { multiEntry: true });
  };
  const db = await new Promise((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const record = (i) => ({
    id: crypto.randomUUID(), householdId: 'h-' + Math.floor(i / 4), fullName: 'Nguyễn Văn An ' + i,
    birthYear: 1950 + (i % 60), gender: i % 2 ? 'nam' : 'nu', phone: '09' + String(i).padStart(8, '0'),
    vneidLevel: 2, bankApp: true, villageId: 'thon-' + (i % 12), _clock: '0mi1x2y3z-0000-abcdef',
    _clocks: {}, _village: 'thon-' + (i % 12),
  });
  const started = performance.now();
  for (let done = 0; done < records; done += 2000) {
    const tx = db.transaction('s', 'readwrite');
    const store = tx.objectStore('s');
    for (let i = done; i < done + 2000; i += perRow) {
      const rows = Array.from({ length: perRow }, (_, k) => record(i + k));
      store.add(perRow === 1
        ? { ...rows[0], hh: [rows[0].householdId] }
        : { id: crypto.randomUUID(), ids: rows.map((r) => r.id), hh: [...new Set(rows.map((r) => r.householdId))], rows });
    }
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  }
  const ms = performance.now() - started;
  db.close();
  return ms;
}`;

export async function idbRowsBench(opts: {
  runs: number;
  records?: number;
}): Promise<IdbRowsResult> {
  const records = opts.records ?? 200_000;
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><title>idb</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium([]);
  try {
    const times = { 1: [] as number[], 100: [] as number[] };
    for (let run = 0; run < opts.runs; run++) {
      for (const perRow of [1, 100] as const) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(url);
        times[perRow].push(await page.evaluate(`(${WRITE})([${records}, ${perRow}])`));
        await context.close();
      }
    }
    const one = median(times[1]);
    const chunked = median(times[100]);
    return {
      records,
      oneRowPerRecordS: Math.round(one / 100) / 10,
      chunksOf100S: Math.round(chunked / 100) / 10,
      msPerRow: Math.round((one / records) * 1000) / 1000,
      msPerChunk: Math.round((chunked / (records / 100)) * 100) / 100,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
