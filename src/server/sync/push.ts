import type { HlcClock } from '../../domain/hlc';
import { applyWrite } from '../../domain/merge';
import { compactClocks } from '../../domain/recordClocks';
import { appendOnlyDecision, checkOp } from '../../domain/opCheck';
import type { EntityName, Versioned } from '../../domain/records';
import { deriveVillage, writeDecision } from '../../domain/syncScope';
import type { OpResultWire, PushRequest } from '../../protocol/sync';
import type { AuthContext } from '../auth/context';
import type { Sql, Store } from '../store/store';
import { cascadeHouseholdMove, cascadeMenteeMove } from './cascade';
import { loadRecords, recordKey, saveRecords, type StoredRecord } from './recordsRepo';

type Op = PushRequest['ops'][number];

/**
 * Applies one pushed batch in ONE transaction, op by op, answering each op.
 *
 * Cursor safety. Every change gets `seq` from the commune's counter row (sync_counters), which the
 * batch locks first (UPDATE … RETURNING) and holds until it commits. So at any moment at most one
 * uncommitted transaction of a commune holds seqs, and they are all above every committed seq:
 * seqs become visible in increasing order. A pull that has served seq S can therefore never later
 * find a committed change with seq ≤ S it did not see — the "late commit with a lower position"
 * race of cursor-based sync cannot happen. The price is that one commune's pushes run one at a
 * time; different communes never wait on each other.
 *
 * Idempotency: applied op ids are kept in applied_ops, so a re-sent op is a `duplicate` and bumps
 * no seq; field clocks make a replayed write a no-op anyway.
 */
export async function pushBatch(
  store: Store,
  auth: AuthContext,
  ops: Op[],
  nowMs: number,
  serverClock: HlcClock,
): Promise<OpResultWire[]> {
  return store.transaction((tx) => applyBatch(tx, auth, ops, nowMs, serverClock));
}

async function applyBatch(
  tx: Sql,
  auth: AuthContext,
  ops: Op[],
  nowMs: number,
  serverClock: HlcClock,
): Promise<OpResultWire[]> {
  const commune = auth.communeCode;
  await tx.query(
    'INSERT INTO sync_counters (commune_code, seq) VALUES ($1, 0) ON CONFLICT DO NOTHING',
    [commune],
  );
  const [counter] = await tx.query<{ seq: number }>(
    'UPDATE sync_counters SET seq = seq WHERE commune_code = $1 RETURNING seq::float8 AS seq',
    [commune],
  );
  let seq = Number(counter?.seq ?? 0);

  const checked = ops.map((op) => ({ op, check: checkOp(op, nowMs) }));
  const valid = checked.flatMap((c) => (c.check.ok ? [{ op: c.op, entity: c.check.entity }] : []));
  const known = await knownOps(
    tx,
    commune,
    valid.map((v) => v.op.opId),
  );

  const state = await loadWorkingSet(tx, commune, valid);
  const original = new Map(state);
  const lookups = {
    householdVillage: (id: string) => {
      const v = state.get(recordKey('household', id))?.data.villageId;
      return typeof v === 'string' ? v : undefined;
    },
    memberHousehold: (id: string) => {
      const h = state.get(recordKey('member', id))?.data.householdId;
      return typeof h === 'string' ? h : undefined;
    },
  };

  const dirty = new Set<string>();
  const appliedIds: string[] = [];
  const seen = new Set<string>();
  const results: OpResultWire[] = [];
  const reject = (op: Op, code: OpResultWire['code'], current?: Versioned): OpResultWire => ({
    opId: op.opId,
    status: 'rejected',
    code,
    current: current
      ? { data: current.data, ...compactClocks(current.data, current.clocks) }
      : null,
  });

  for (const { op, check } of checked) {
    const key = recordKey(op.entity, op.id);
    if (!check.ok) {
      results.push(reject(op, check.code));
      continue;
    }
    if (known.has(op.opId) || seen.has(op.opId)) {
      results.push({ opId: op.opId, status: 'duplicate' });
      continue;
    }
    const entity: EntityName = check.entity;
    const current = state.get(key);
    const appendOnly = appendOnlyDecision(entity, current, op.fields);
    if (appendOnly === 'append_only') {
      results.push(reject(op, 'append_only', current));
      continue;
    }
    const { next, changed } = applyWrite(current, op.fields, op.clock);
    const village = deriveVillage(entity, next.data, lookups);
    if (village === undefined) {
      results.push(reject(op, 'missing_village', current));
      continue;
    }
    const decision = writeDecision(auth, entity, current?.villageId, village);
    if (decision !== 'ok') {
      results.push(reject(op, decision, current));
      continue;
    }
    seen.add(op.opId);
    if (appendOnly === 'duplicate' || changed.length === 0) {
      const same = Object.keys(op.fields).every((k) => current?.clocks[k] === op.clock);
      results.push({
        opId: op.opId,
        status: same || appendOnly === 'duplicate' ? 'duplicate' : 'stale',
      });
      continue;
    }
    state.set(key, { entity, id: op.id, villageId: village, ...next });
    dirty.add(key);
    appliedIds.push(op.opId);
    serverClock.receive(op.clock);
    results.push({ opId: op.opId, status: 'applied' });
  }

  const toSave = [...dirty].map((k) => ({ ...(state.get(k) as StoredRecord), seq: ++seq }));
  await saveRecords(tx, commune, toSave);

  // A household that moved village takes its members, visits and traders (and their mentorships).
  for (const rec of toSave) {
    const before = original.get(recordKey(rec.entity, rec.id));
    if (rec.entity === 'household' && before && before.villageId !== rec.villageId) {
      seq = await cascadeHouseholdMove(tx, commune, rec.id, rec.villageId, seq);
    }
    if (rec.entity === 'member' && before && before.villageId !== rec.villageId) {
      seq = await cascadeMenteeMove(tx, commune, [rec.id], rec.villageId, seq);
    }
  }

  await tx.query('UPDATE sync_counters SET seq = $2 WHERE commune_code = $1', [commune, seq]);
  if (appliedIds.length > 0) {
    await tx.query(
      `INSERT INTO applied_ops (commune_code, op_id, status)
       SELECT $1, u, 'applied' FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING`,
      [commune, appliedIds],
    );
  }
  return results;
}

async function knownOps(tx: Sql, commune: string, opIds: string[]): Promise<Set<string>> {
  if (opIds.length === 0) return new Set();
  const rows = await tx.query<{ op_id: string }>(
    'SELECT op_id::text AS op_id FROM applied_ops WHERE commune_code = $1 AND op_id = ANY($2::uuid[])',
    [commune, opIds],
  );
  return new Set(rows.map((r) => r.op_id));
}

/** The batch's records, plus the households and mentees they point at (to place them in villages). */
async function loadWorkingSet(
  tx: Sql,
  commune: string,
  valid: { op: Op; entity: EntityName }[],
): Promise<Map<string, StoredRecord>> {
  const keys = new Map<string, { entity: string; id: string }>();
  const add = (entity: string, id: unknown) => {
    if (typeof id === 'string') keys.set(recordKey(entity, id), { entity, id });
  };
  for (const { op, entity } of valid) {
    add(entity, op.id);
    add('household', op.fields.householdId);
    add('member', op.fields.menteeId);
  }
  const state = await loadRecords(tx, commune, [...keys.values()]);
  const more = new Map<string, { entity: string; id: string }>();
  for (const rec of state.values()) {
    for (const [entity, field] of [
      ['household', 'householdId'],
      ['member', 'menteeId'],
    ] as const) {
      const id = rec.data[field];
      if (typeof id === 'string' && !state.has(recordKey(entity, id)))
        more.set(recordKey(entity, id), { entity, id });
    }
  }
  for (const [k, v] of await loadRecords(tx, commune, [...more.values()])) state.set(k, v);
  // Mentees' households, for mentorships.
  const households = new Map<string, { entity: string; id: string }>();
  for (const rec of state.values()) {
    const h = rec.entity === 'member' ? rec.data.householdId : undefined;
    if (typeof h === 'string' && !state.has(recordKey('household', h)))
      households.set(recordKey('household', h), { entity: 'household', id: h });
  }
  for (const [k, v] of await loadRecords(tx, commune, [...households.values()])) state.set(k, v);
  return state;
}
