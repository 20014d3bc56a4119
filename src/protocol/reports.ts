import { z } from 'zod';
import { INDICATOR_KEYS } from '../domain/indicators';

/**
 * GET /api/reports: the monthly or quarterly report built on the server from the commune's
 * synced records, by the same domain function (buildReport) the device uses.
 */
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const reportQuerySchema = z
  .object({
    kind: z.enum(['month', 'quarter']),
    year: z.coerce.number().int().min(2000).max(2100),
    period: z.coerce.number().int().min(1).max(12),
    villageId: uuid.optional(),
  })
  .refine((q) => q.kind === 'month' || q.period <= 4, { path: ['period'], message: 'quarter 1–4' });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const target = z.object({ comparator: z.enum(['gte', 'gt']), percent: z.number() });
const indicator = z.object({
  key: z.enum(INDICATOR_KEYS),
  numerator: z.number(),
  denominator: z.number(),
  percent: z.number().nullable(),
  target,
  met: z.boolean().nullable(),
});

export const reportSchema = z.object({
  period: z.object({
    kind: z.enum(['month', 'quarter']),
    year: z.number(),
    index: z.number(),
    start: day,
    end: day,
    dueBefore: day,
    lastDay: day,
    label: z.string(),
  }),
  scope: z.union([z.literal('commune'), z.object({ villageIds: z.array(z.string()).readonly() })]),
  asOf: day,
  households: z.number(),
  residents: z.number(),
  indicators: z.array(indicator),
  unknownAge: z.number(),
  byVillage: z.array(z.object({ villageId: z.string(), indicators: z.array(indicator) })),
  activity: z.object({
    visits: z.number(),
    householdsReached: z.number(),
    volunteers: z.number(),
  }),
  mentorships: z.object({
    started: z.number(),
    mentors: z.number(),
    mentorsAtTarget: z.number(),
  }),
  traders: z.object({
    traders: z.number(),
    byStage: z.object({
      trader: z.number(),
      ecommerce: z.number(),
      cashless: z.number(),
      savings: z.number(),
    }),
    allFour: z.number(),
  }),
  digitalId: z.object({ eligible: z.number(), complete: z.number(), missing: z.number() }),
});

export const reportResponseSchema = z.object({ report: reportSchema });
export type ReportResponse = z.infer<typeof reportResponseSchema>;
