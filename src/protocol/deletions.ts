import { z } from 'zod';

/**
 * Deletions a leader sees and can undo ("Đã xóa gần đây"): what a push deleted in the leader's
 * villages (the officer: the commune's), for 30 days, and the deletes held for a leader's
 * confirmation. Never part of sync: devices do not receive the deleted data.
 */
export const DELETION_STATUSES = [
  'deleted',
  'pending',
  'restored',
  'confirmed',
  'dismissed',
  'erased',
  /** An edit of a name, address or phone: the old values are kept for the leader to undo. */
  'edited',
  /** An edit a leader undid. */
  'undone',
] as const;
export const deletionStatusSchema = z.enum(DELETION_STATUSES);
export type DeletionStatus = z.infer<typeof deletionStatusSchema>;

export const deletionSchema = z.object({
  id: z.uuid(),
  status: deletionStatusSchema,
  entity: z.enum(['household', 'member', 'trader']),
  recordId: z.uuid(),
  villageId: z.uuid().nullable(),
  /** The head's, person's or business's name; null once the record's kept data is erased. */
  label: z.string().nullable(),
  /** For a household: how many members its delete took along. */
  memberCount: z.number().int().nonnegative(),
  /** Who sent the delete (or asked for it), and from which device. */
  by: z.object({ userId: z.uuid(), displayName: z.string(), deviceName: z.string().nullable() }),
  at: z.string(),
  /** Who restored, confirmed or dismissed it, and when. */
  settledBy: z.string().nullable(),
  settledAt: z.string().nullable(),
});
export type Deletion = z.infer<typeof deletionSchema>;
export const deletionListSchema = z.object({ deletions: z.array(deletionSchema) });
/** `by`: only the deletions this account sent (a leader looking into one volunteer's). */
export const deletionQuerySchema = z.strictObject({ by: z.uuid().optional() });

/** What a leader does with a deletion; the officer may also erase one for good. */
export const DELETION_ACTIONS = ['restore', 'confirm', 'dismiss', 'erase'] as const;
export const deletionActionSchema = z.enum(DELETION_ACTIONS);
export type DeletionAction = z.infer<typeof deletionActionSchema>;
