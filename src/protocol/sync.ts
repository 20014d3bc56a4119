import { z } from 'zod';
import { expandClocks } from '../domain/recordClocks';
import { SYNC_ENTITIES } from '../domain/records';

/**
 * The sync wire contract. Push: a batch of operations, answered one by one. Pull: pages of records
 * after an opaque cursor, within the caller's villages.
 */
export const MAX_PUSH_OPS = 2000;
export const DEFAULT_PULL_LIMIT = 2000;
export const MAX_PULL_LIMIT = 5000;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const hlc = z.string().regex(/^[0-9a-z]{9}-[0-9a-z]{4}-[0-9a-z]{1,32}$/);

/** The entity is a plain string on the wire so an unknown one is rejected per op, not per batch. */
/**
 * An op's `fields` on the wire: a plain object of at most this many keys, counted before the
 * record schema walks them, so a 200,000-key object costs a count, not a parse. The precise
 * per-op limit is the sync engine's (domain/opCheck.ts); this only bounds the work.
 */
export const MAX_WIRE_FIELDS = 100;

function isNarrowObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  let n = 0;
  for (const key in v) if (Object.hasOwn(v, key) && ++n > MAX_WIRE_FIELDS) return false;
  return true;
}

export const opSchema = z.object({
  opId: uuid,
  entity: z.string().max(40),
  id: z.string().max(64),
  fields: z
    .custom<Record<string, unknown>>(isNarrowObject, {
      message: `an object of at most ${MAX_WIRE_FIELDS} fields`,
    })
    .pipe(z.record(z.string(), z.unknown())),
  clock: z.string().max(64),
});

export const pushRequestSchema = z.object({
  ops: z.array(opSchema).max(MAX_PUSH_OPS),
  /** The phone's wall clock (ms) as it sent the push: the server measures its skew from it. */
  sentAt: z.number().int().nonnegative().max(8_640_000_000_000_000).optional(),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Why the server refused one operation. The app shows each in Vietnamese (sync/reasons.ts). */
export const OP_REJECT_CODES = [
  'unknown_entity',
  'invalid_id',
  'invalid_fields',
  'bad_clock',
  'out_of_scope',
  'officer_only',
  'missing_village',
  'append_only',
  /** The op id was seen before with other content: an id is never reused, so nothing is applied. */
  'op_id_reused',
  /** A "who did it" field (visit volunteer, creator, confirmer, mentor) is not the caller's. */
  'author_mismatch',
  /** Only a team leader or the commune officer may confirm a household's Gia đình số. */
  'leader_only',
  /** Another household of the commune already wears this sticker code: one code, one household. */
  'code_taken',
  /**
   * A volunteer's delete past the day's allowance: not applied; it waits for the team leader, who
   * confirms or dismisses it in "Đã xóa gần đây" (the record stays on every phone meanwhile).
   */
  'deletion_held',
  /** A deleted household, member or trader comes back only by a leader's restore, whole. */
  'deleted_record',
] as const;
export type OpRejectCode = (typeof OP_REJECT_CODES)[number];

export const OP_STATUSES = ['applied', 'duplicate', 'stale', 'rejected'] as const;
export type OpStatus = (typeof OP_STATUSES)[number];

/**
 * A record's fields and their clocks, sent compactly (domain/recordClocks.ts): `clock` for most
 * fields, `clocks` for the rest. Parsing expands them back to the full per-field map the merge
 * uses, so `z.infer` is the decoded form and `z.input` the wire form (what the server sends).
 * An older server's full map (no `clock`) reads the same.
 */
const compactClocksShape = {
  data: z.record(z.string(), z.unknown()),
  clock: hlc.optional(),
  clocks: z.record(z.string(), hlc).optional(),
};
const expand = <
  T extends { data: Record<string, unknown>; clock?: string; clocks?: Record<string, string> },
>({
  clock,
  clocks,
  ...rest
}: T) => ({ ...rest, clocks: expandClocks(rest.data, { clock, clocks }) });

export const versionedSchema = z.object(compactClocksShape).transform(expand);

export const opResultSchema = z.object({
  opId: z.string(),
  status: z.enum(OP_STATUSES),
  code: z.enum(OP_REJECT_CODES).optional(),
  /**
   * For a rejected or stale op: the server's copy of the record, so the device can undo; null when
   * the server has none or the caller may not read it (a refusal never carries data of another
   * village). For a duplicate delete of a record deleted already: the server's tombstone, which
   * the device takes for the fields the op set.
   */
  current: versionedSchema.nullable().optional(),
  /** For an applied or duplicate op: the clock the server stored it under, when not the one sent. */
  clock: hlc.optional(),
});
export type OpResult = z.infer<typeof opResultSchema>;
export type OpResultWire = z.input<typeof opResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(opResultSchema),
  serverClock: hlc,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;
export type PushResponseWire = z.input<typeof pushResponseSchema>;

export const pullQuerySchema = z.object({
  cursor: z.string().max(20_000).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
  /** Ask for `remaining` (how many records are still to come), for a progress bar. */
  count: z.enum(['0', '1']).optional(),
});

export const syncRecordSchema = z
  .object({
    entity: z.enum(SYNC_ENTITIES),
    id: z.string(),
    villageId: z.string().nullable(),
    ...compactClocksShape,
  })
  .transform(expand);
export type SyncRecord = z.infer<typeof syncRecordSchema>;
export type SyncRecordWire = z.input<typeof syncRecordSchema>;

export const pullResponseSchema = z.object({
  records: z.array(syncRecordSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
  /** The villages this device may hold now; rows of any other village leave the device. */
  scope: z.array(z.string()),
  /** Records that left the caller's villages (a household moved, say): they leave the device. */
  left: z.array(z.object({ entity: z.enum(SYNC_ENTITIES), id: z.string() })).optional(),
  /** Records still to come after this page (only when asked with count=1). */
  remaining: z.number().int().nonnegative().optional(),
  serverClock: hlc,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
export type PullResponseWire = z.input<typeof pullResponseSchema>;
