import { z } from 'zod';
import { cleanText } from '../domain/cleanText';

/**
 * The officer's audit log of exports ("Nhật ký xuất dữ liệu"): each report or list a phone
 * downloaded or printed, sent at its next sync (`POST /api/exports`) and listed for the officer
 * (`GET /api/exports`). Who and which device come from the token, never from the phone's word.
 */
export const EXPORT_KINDS = [
  'report_xlsx',
  'report_csv',
  'report_print',
  'stickers_print',
] as const;
export const exportKindSchema = z.enum(EXPORT_KINDS);
export type ExportKind = z.infer<typeof exportKindSchema>;

/** Events one request may carry, and one device (or one account) may send in 24 hours. */
export const MAX_EXPORTS_PER_REQUEST = 100;
export const MAX_EXPORTS_PER_DAY = 200;

export const exportEventSchema = z.strictObject({
  id: z.uuid(),
  kind: exportKindSchema,
  /** What was exported, as the user saw it ("Báo cáo Tháng 6-2027 - Toàn xã"). */
  what: z.string().max(480).transform(cleanText).pipe(z.string().min(1).max(200)),
  villageId: z.uuid().nullable(),
  /** Whether it held people's names (a sticker sheet does; the report's figures do not). */
  names: z.boolean(),
  /** When, by the phone's clock (ms since the epoch). */
  at: z.number().int().nonnegative(),
});
export type ExportEvent = z.infer<typeof exportEventSchema>;

export const exportPushSchema = z.strictObject({
  events: z.array(exportEventSchema).min(1).max(MAX_EXPORTS_PER_REQUEST),
});

export const exportLogEntrySchema = z.object({
  id: z.uuid(),
  kind: exportKindSchema,
  what: z.string(),
  villageId: z.uuid().nullable(),
  names: z.boolean(),
  at: z.string(),
  receivedAt: z.string(),
  by: z.object({ userId: z.uuid(), displayName: z.string(), deviceName: z.string().nullable() }),
});
export type ExportLogEntry = z.infer<typeof exportLogEntrySchema>;
/** A page of the log, newest first; `next` asks for the page after it (null: none). */
export const exportLogSchema = z.object({
  entries: z.array(exportLogEntrySchema),
  next: z.string().nullable(),
});
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `before`: a page's `next`; `by`: one account's; `names=1`: only what held people's names. */
export const exportLogQuerySchema = z.strictObject({
  // A page's last entry: its time, its id and its device (an id is one device's own: two phones
  // may send one id at one time, and a page ending between them must not lose either).
  before: z
    .string()
    .regex(new RegExp(`^\\d{1,15}\\.${UUID}\\.${UUID}$`))
    .optional(),
  by: z.uuid().optional(),
  names: z.enum(['1']).optional(),
});
export type ExportLogQuery = z.infer<typeof exportLogQuerySchema>;
