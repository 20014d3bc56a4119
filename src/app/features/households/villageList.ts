import { currentVisits, type PriorityFlag } from '../../../domain/entities';
import { householdGaps, type ReadinessGap } from '../../../domain/readiness';
import type { HouseholdRow, MemberRow, VisitRow } from '../../db';

export interface VillageEntry {
  h: HouseholdRow;
  lastVisitAt: number | null;
  /** The latest visit's follow-up date, when it is today or past. */
  followUpDue: string | null;
  gaps: Set<ReadinessGap>;
}

export interface VillageFilter {
  flags: PriorityFlag[];
  gap: ReadinessGap | '';
  dueOnly: boolean;
}

/** The village's households with what a volunteer plans by: last visit, follow-up, gaps. */
export function villageEntries(
  households: HouseholdRow[],
  members: MemberRow[],
  visits: VisitRow[],
  year: number,
  today: string,
): VillageEntry[] {
  const byHousehold = new Map<string, MemberRow[]>();
  for (const m of members)
    byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m]);
  const last = new Map<string, VisitRow>();
  for (const v of currentVisits(visits)) {
    const prev = last.get(v.householdId);
    if (!prev || v.at > prev.at) last.set(v.householdId, v);
  }
  return households
    .map((h) => {
      const v = last.get(h.id);
      const due = v?.followUpDate && v.followUpDate <= today ? v.followUpDate : null;
      return {
        h,
        lastVisitAt: v?.at ?? null,
        followUpDue: due,
        gaps: householdGaps(byHousehold.get(h.id) ?? [], year),
      };
    })
    .sort(
      (a, b) =>
        Number(b.followUpDue !== null) - Number(a.followUpDue !== null) ||
        (a.lastVisitAt ?? 0) - (b.lastVisitAt ?? 0) ||
        a.h.address.localeCompare(b.h.address, 'vi'),
    );
}

export function applyFilter(entries: VillageEntry[], f: VillageFilter): VillageEntry[] {
  return entries.filter(
    (e) =>
      f.flags.every((k) => e.h[k]) &&
      (f.gap === '' || e.gaps.has(f.gap)) &&
      (!f.dueOnly || e.followUpDue !== null),
  );
}
