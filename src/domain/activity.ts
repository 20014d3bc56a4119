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

/** An effective visit reduced to what activity counts: its Vietnamese day, who, where. */
export interface DatedVisit {
  day: Day;
  volunteerId: string;
  householdId: string;
}

export function datedVisits(visits: readonly VisitFacts[]): DatedVisit[] {
  return effectiveVisits(visits).map((v) => ({
    day: vietnamDay(v.at),
    volunteerId: v.volunteerId,
    householdId: v.householdId,
  }));
}

/** Visits per volunteer per ISO week (Vietnam time), by week then volunteer. */
export function volunteerWeeks(visits: readonly VisitFacts[], range?: DayRange): VolunteerWeek[] {
  return volunteerWeeksOf(datedVisits(visits), range);
}

/** volunteerWeeks over visits already reduced to days (effective visits only). */
export function volunteerWeeksOf(visits: readonly DatedVisit[], range?: DayRange): VolunteerWeek[] {
  const rows = new Map<string, { row: VolunteerWeek; households: Set<string> }>();
  for (const v of visits) {
    const day = v.day;
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
  return activityTotalsOf(datedVisits(visits), range);
}

/** activityTotals over visits already reduced to days (effective visits only). */
export function activityTotalsOf(visits: readonly DatedVisit[], range?: DayRange): ActivityTotals {
  const inside = visits.filter((v) => inRange(v.day, range));
  return {
    visits: inside.length,
    householdsReached: new Set(inside.map((v) => v.householdId)).size,
    volunteers: new Set(inside.map((v) => v.volunteerId)).size,
  };
}
