import { isoWeek, vietnamDay, weekStart, type Day } from './calendar';
import { byKey, effectiveVisits, type VisitFacts } from './modelInputs';
import type { DayRange } from './reportScope';

export interface VolunteerWeek {
  volunteerId: string;
  /** ISO week, "2027-W05". */
  week: string;
  /** The Monday the week starts on. */
  weekStart: Day;
  visits: number;
  /** Distinct households visited that week. */
  households: number;
}

function inRange(day: Day, range: DayRange | undefined): boolean {
  return !range || (day >= range.start && day <= range.end);
}

/** Visits per volunteer per ISO week (Vietnam time), by week then volunteer. */
export function volunteerWeeks(visits: readonly VisitFacts[], range?: DayRange): VolunteerWeek[] {
  const rows = new Map<string, { row: VolunteerWeek; households: Set<string> }>();
  for (const v of effectiveVisits(visits)) {
    const day = vietnamDay(v.at);
    if (!inRange(day, range)) continue;
    const week = isoWeek(day);
    const key = `${week}|${v.volunteerId}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = {
        row: {
          volunteerId: v.volunteerId,
          week,
          weekStart: weekStart(day),
          visits: 0,
          households: 0,
        },
        households: new Set(),
      };
      rows.set(key, entry);
    }
    entry.row.visits++;
    entry.households.add(v.householdId);
  }
  return [...rows.entries()]
    .sort(byKey(([key]) => key))
    .map(([, e]) => ({ ...e.row, households: e.households.size }));
}

export interface ActivityTotals {
  visits: number;
  /** Distinct households visited in the range. */
  householdsReached: number;
  volunteers: number;
}

export function activityTotals(visits: readonly VisitFacts[], range?: DayRange): ActivityTotals {
  const inside = effectiveVisits(visits).filter((v) => inRange(vietnamDay(v.at), range));
  return {
    visits: inside.length,
    householdsReached: new Set(inside.map((v) => v.householdId)).size,
    volunteers: new Set(inside.map((v) => v.volunteerId)).size,
  };
}
