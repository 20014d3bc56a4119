import { isDay, type Day } from './calendar';

/**
 * "Chợ số – Nông thôn số", the 4T learning model (seeds 000 §6.3, 002 row 3, 004 §6.2):
 * Tiểu thương – Thương mại điện tử – Thanh toán không dùng tiền mặt – Tiết kiệm số.
 * Each stage is its own flat date field, so two phones recording different stages both keep theirs.
 */
export const TRADER_STAGES = [
  { key: 'trader', field: 'stageTraderOn', label: 'Tiểu thương' },
  { key: 'ecommerce', field: 'stageEcommerceOn', label: 'Thương mại điện tử' },
  { key: 'cashless', field: 'stageCashlessOn', label: 'Thanh toán không dùng tiền mặt' },
  { key: 'savings', field: 'stageSavingsOn', label: 'Tiết kiệm số' },
] as const;
export type TraderStage = (typeof TRADER_STAGES)[number]['key'];
type StageField = (typeof TRADER_STAGES)[number]['field'];

export type Trader = {
  memberId: string;
  householdId: string;
  villageId: string;
  /** Stall or business name, e.g. "Sạp rau cô Lan, chợ Nghĩa Thọ". */
  businessName: string;
  deleted?: boolean;
} & Partial<Record<StageField, Day | null>>;
export type TraderFacts = Trader & { id: string };

export interface TraderProgress {
  traderId: string;
  done: number;
  total: number;
  /** "2/4" */
  label: string;
  stages: { key: TraderStage; label: string; doneOn: Day | null }[];
  /** The first stage in the model's order not yet done; null when all four are. */
  next: TraderStage | null;
}

export function traderProgress(t: TraderFacts): TraderProgress {
  const stages = TRADER_STAGES.map((s) => {
    const on = t[s.field];
    return { key: s.key, label: s.label, doneOn: isDay(on) ? on : null };
  });
  const done = stages.filter((s) => s.doneOn !== null).length;
  return {
    traderId: t.id,
    done,
    total: TRADER_STAGES.length,
    label: `${done}/${TRADER_STAGES.length}`,
    stages,
    next: stages.find((s) => s.doneOn === null)?.key ?? null,
  };
}

export type TraderStageError = 'bad_date' | 'date_in_future';

/** Checks the date a stage is recorded as done. */
export function checkStageDate(value: unknown, today: Day): TraderStageError | null {
  if (!isDay(value)) return 'bad_date';
  return value > today ? 'date_in_future' : null;
}

/** How many live traders have done each stage, and how many did all four. */
export function traderSummary(traders: readonly TraderFacts[]): {
  traders: number;
  byStage: Record<TraderStage, number>;
  allFour: number;
} {
  const byStage = { trader: 0, ecommerce: 0, cashless: 0, savings: 0 } satisfies Record<
    TraderStage,
    number
  >;
  let allFour = 0;
  let count = 0;
  for (const t of traders) {
    if (t.deleted) continue;
    count++;
    const p = traderProgress(t);
    for (const s of p.stages) if (s.doneOn) byStage[s.key]++;
    if (p.next === null) allFour++;
  }
  return { traders: count, byStage, allFour };
}
