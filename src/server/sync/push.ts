import { authorshipError, withAuthors } from '../../domain/authorship';
import { stampFor } from '../../domain/clockStamp';
import { applyWrite } from '../../domain/merge';
import { compactClocks } from '../../domain/recordClocks';
import {
  DELETION_WINDOW_MS,
  deletionAllowed,
  HELD_PER_DAY,
  isNewDeletion,
  isRestorable,
  type RestorableEntity,
} from '../../domain/deletionLimit';
import { appendOnlyDecision, checkOp } from '../../domain/opCheck';
import type { EntityName, Versioned } from '../../domain/records';
import { deriveVillage, mayRead, writeDecision } from '../../domain/syncScope';
import { validCorrection } from '../../domain/visitCorrection';
import { isTombstone, withoutPersonalData } from '../../domain/tombstone';
import type { OpResultWire, PushRequest } from '../../protocol/sync';
import type { AuthContext } from '../auth/context';
import type { Sql, Store } from '../store/store';
import { afterSave, type AppliedOp } from './afterSave';
import { clearFreeText } from './cascade';
import type { CommuneClocks } from './communeClocks';
import { lockCommuneCounter } from './communeCounter';
import { deletionsSince, holdDeletions } from './deletions';
import { householdCodeError } from './householdCodes';
import { knownOps, opFingerprint } from './opFingerprint';
import { recordKey, saveRecords, type StoredRecord } from './recordsRepo';
import { authorLookups, loadMentorAccounts, loadWorkingSet } from './workingSet';

type Op = PushRequest['ops'][number];

export interface PushInput {
  ops: Op[];
  /** The server's wall clock for this request. */
  nowMs: number;
  /** The phone's wall clock as it sent the push, if it said. */
  sentAt?: number | undefined;
}

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
 * Trust. The phone's clock is bounded (domain/clockStamp.ts) before it is merged or folded into
 * the commune's clock; "who did it" fields must be the caller's (domain/authorship.ts); a refusal
 * carries the server's record only when the caller may read it; a tombstone keeps no personal
 * data (domain/tombstone.ts).
 *
 * Idempotency: applied op ids are kept in applied_ops with a digest of what they said, so a
 * re-sent op is a `duplicate` and bumps no seq, and a reused id with other content is refused.
 */
export async function pushBatch(
  store: Store,
  auth: AuthContext,
  input: PushInput,
  clocks: CommuneClocks,
): Promise<OpResultWire[]> {
  return store.transaction((tx) => applyBatch(tx, auth, input, clocks));
}

async function applyBatch(
  tx: Sql,
  auth: AuthContext,
  { ops, nowMs, sentAt }: PushInput,
  clocks: CommuneClocks,
): Promise<OpResultWire[]> {
  const commune = auth.communeCode;
  const serverClock = clocks.of(commune);
  let seq = await lockCommuneCounter(tx, commune);

  const checked = ops.map((op) => ({ op, check: checkOp(op, nowMs) }));
  const valid = checked.flatMap((c) => (c.check.ok ? [{ op: c.op, entity: c.check.entity }] : []));
  const known = await knownOps(
    tx,
    commune,
    valid.map((v) => v.op.opId),
  );
  const state = await loadWorkingSet(tx, commune, valid);
  const authors = authorLookups(state, await loadMentorAccounts(tx, commune, valid));
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

  // A volunteer's deletes past the day's allowance wait for a leader (domain/deletionLimit.ts).
  const mayHold = auth.role === 'volunteer' && valid.some((v) => v.op.fields.deleted === true);
  const recent = mayHold
    ? await deletionsSince(tx, commune, auth.userId, nowMs - DELETION_WINDOW_MS)
    : { deleted: new Map<string, number>(), held: 0 };
  const done = Object.fromEntries(recent.deleted) as Partial<Record<RestorableEntity, number>>;
  const held: StoredRecord[] = [];
  // The live members (or traders) a household's delete would take along, as the batch has left
  // them so far.
  const liveDependants = async (entity: 'member' | 'trader', householdId: string) => {
    const rows = await tx.query<{ id: string }>(
      `SELECT id::text AS id FROM records
        WHERE commune_code = $1 AND entity = $3 AND data ->> 'householdId' = $2
          AND data ->> 'deleted' IS DISTINCT FROM 'true'`,
      [commune, householdId, entity],
    );
    const ids = new Set(rows.map((r) => r.id));
    for (const rec of state.values()) {
      if (rec.entity !== entity) continue;
      if (rec.data.householdId === householdId && !isTombstone(rec)) ids.add(rec.id);
      else ids.delete(rec.id);
    }
    return ids.size;
  };

  const dirty = new Set<string>();
  const applied: AppliedOp[] = [];
  const results: OpResultWire[] = [];
  // A refusal never carries what the caller may not read: another village's record stays unsaid.
  const shown = (rec: StoredRecord | undefined): OpResultWire['current'] =>
    rec !== undefined && (rec.villageId === null || auth.villageIds.includes(rec.villageId))
      ? { data: rec.data, ...compactClocks(rec.data, rec.clocks) }
      : undefined;
  const reject = (op: Op, code: OpResultWire['code'], current?: StoredRecord): OpResultWire => ({
    opId: op.opId,
    status: 'rejected',
    code,
    current: shown(current) ?? null,
  });

  for (const { op, check } of checked) {
    const key = recordKey(op.entity, op.id);
    if (!check.ok) {
      results.push(reject(op, check.code));
      continue;
    }
    const current = state.get(key);
    // Another village's record: one answer, whether the op repeats a known op, guesses the stored
    // values right or wrong, or edits it (syncScope.ts mayRead).
    if (current && !mayRead(auth, current.villageId)) {
      results.push(reject(op, 'out_of_scope'));
      continue;
    }
    const fingerprint = opFingerprint(op);
    const prior = known.get(op.opId);
    if (prior) {
      if (prior.fingerprint !== null && prior.fingerprint !== fingerprint) {
        results.push(reject(op, 'op_id_reused'));
      } else {
        const restamped = prior.clock !== null && prior.clock !== op.clock;
        results.push({
          opId: op.opId,
          status: 'duplicate',
          ...(restamped ? { clock: prior.clock ?? undefined } : {}),
        });
      }
      continue;
    }
    const entity: EntityName = check.entity;
    const appendOnly = appendOnlyDecision(entity, current, op.fields);
    if (appendOnly === 'append_only') {
      results.push(reject(op, 'append_only', current));
      continue;
    }
    const stamp = stampFor(op.clock, nowMs, sentAt);
    const clock =
      stamp.kind === 'as_sent'
        ? op.clock
        : stamp.kind === 'shifted'
          ? stamp.clock
          : serverClock.now();
    // Who made a new visit or household is the caller, stated or not (authorship.ts).
    const fields = withAuthors(auth, entity, current, op.fields);
    const merged = applyWrite(current, fields, clock);
    const next = withoutPersonalData(entity, merged.next);
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
    const corrects = entity === 'visit' && !current ? next.data.correctsId : undefined;
    const corrected = typeof corrects === 'string' ? state.get(recordKey('visit', corrects)) : null;
    if (corrected !== null && !validCorrection(next.data, corrected?.data)) {
      results.push(reject(op, 'invalid_fields', current));
      continue;
    }
    const author = authorshipError(auth, entity, current, fields, village, authors);
    if (author !== null) {
      results.push(reject(op, author, current));
      continue;
    }
    // A deleted household, member or trader (or a pairing a delete took along) is the leader's to
    // restore (deletions/), whole and
    // where it was: a push neither writes to it (a value would be stripped at once and its clock
    // would keep the restore from bringing the erased value back) nor deletes it again (a later
    // delete clock would leave its people out of the restore). A repeated delete is answered as
    // done, with the tombstone the phone takes (it passed the scope check above).
    if (current && (isRestorable(entity) || entity === 'mentorship') && isTombstone(current)) {
      if (isBareDelete(op.fields))
        results.push({ opId: op.opId, status: 'duplicate', current: shown(current) ?? null });
      else results.push(reject(op, 'deleted_record', current));
      continue;
    }
    // Nothing live is put into a deleted household or onto a deleted person, where it would live
    // on unseen, out of the restore and out of an erasure.
    if (pointsAtDeleted(entity, current, next, state)) {
      results.push(reject(op, 'deleted_record', current));
      continue;
    }
    const wearsCode =
      entity === 'household' &&
      (merged.changed.includes('code') || merged.changed.includes('deleted'));
    const codeError = wearsCode ? await householdCodeError(tx, commune, op.id, next, state) : null;
    if (codeError !== null) {
      results.push(reject(op, codeError, current));
      continue;
    }
    if (mayHold && current && isNewDeletion(entity, current, next)) {
      const taking =
        entity === 'household'
          ? {
              member: await liveDependants('member', op.id),
              trader: await liveDependants('trader', op.id),
            }
          : {};
      if (!deletionAllowed(auth.role, entity, done, taking)) {
        // Listed for the leader up to a day's share; past it, refused alike but not listed.
        if (recent.held + held.length < HELD_PER_DAY) held.push(current);
        results.push(reject(op, 'deletion_held', current));
        continue;
      }
      done[entity] = (done[entity] ?? 0) + 1;
      done.member = (done.member ?? 0) + (taking.member ?? 0);
      done.trader = (done.trader ?? 0) + (taking.trader ?? 0);
    }
    known.set(op.opId, { fingerprint, clock });
    if (appendOnly === 'duplicate' || merged.changed.length === 0) {
      const same = Object.keys(op.fields).every((k) => current?.clocks[k] === clock);
      const status = same || appendOnly === 'duplicate' ? 'duplicate' : 'stale';
      // A write that lost carries the clock it lost under and the server's copy (the caller's to
      // read: it passed the scope check), so the phone takes the later write even when it had
      // seen it already (a re-stamped clock can land behind what the phone had).
      const server = status === 'stale' ? shown(current) : undefined;
      results.push({
        opId: op.opId,
        status,
        ...(clock !== op.clock ? { clock } : {}),
        ...(server ? { current: server } : {}),
      });
      continue;
    }
    // A visit made in a household deleted meanwhile is kept as a fact, without the free text about
    // its people (as the delete left the household's other visits: cascade.ts); cleared at the
    // server's clock, so the phone that sent it clears it too.
    const home =
      entity === 'visit'
        ? state.get(recordKey('household', String(next.data.householdId)))
        : undefined;
    const kept =
      home && isTombstone(home)
        ? clearFreeText(next, () => {
            serverClock.receive(clock);
            return serverClock.now();
          })
        : next;
    state.set(key, { entity, id: op.id, villageId: village, ...kept });
    dirty.add(key);
    applied.push({ opId: op.opId, fingerprint, clock, id: op.id, entity });
    serverClock.receive(clock);
    results.push({ opId: op.opId, status: 'applied', ...(clock !== op.clock ? { clock } : {}) });
  }

  const toSave = [...dirty].map((k) => ({ ...(state.get(k) as StoredRecord), seq: ++seq }));
  await saveRecords(tx, commune, toSave);
  const by = { userId: auth.userId, deviceId: auth.deviceId };
  await holdDeletions(tx, commune, held, by, nowMs);
  await afterSave(tx, commune, {
    saved: toSave,
    original,
    applied,
    seq,
    by,
    atMs: nowMs,
  });
  return results;
}

/** An op that only deletes its record. */
const isBareDelete = (fields: Record<string, unknown>) =>
  fields.deleted === true && Object.keys(fields).every((k) => k === 'deleted');

/** The records a record points at, by field: its household, its member, mentee or mentor. */
const POINTERS = [
  ['householdId', 'household'],
  ['memberId', 'member'],
  ['menteeId', 'member'],
  ['mentorId', 'member'],
] as const;

/**
 * Does this write put a live member, trader or pairing into a deleted household or onto a deleted
 * person (a pointer it sets or changes)? Visits are facts, kept (without free text) in any case.
 */
function pointsAtDeleted(
  entity: EntityName,
  current: StoredRecord | undefined,
  next: Versioned,
  state: ReadonlyMap<string, StoredRecord>,
): boolean {
  if (entity === 'visit' || entity === 'household' || isTombstone(next)) return false;
  return POINTERS.some(([field, target]) => {
    const id = next.data[field];
    if (typeof id !== 'string' || current?.data[field] === id) return false;
    const pointed = state.get(recordKey(target, id));
    return pointed !== undefined && isTombstone(pointed);
  });
}
