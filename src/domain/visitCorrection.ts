import type { Fields } from './records';

/**
 * A visit's correction (`correctsId`) replaces the visit it names in every figure (entities.ts
 * currentVisits), so it may name only a stored visit of the same household: naming one of another
 * household, or another village, would drop that visit from the commune's reports.
 */
export function validCorrection(visit: Fields, corrected: Fields | undefined): boolean {
  return (
    corrected !== undefined &&
    corrected.deleted !== true &&
    typeof visit.householdId === 'string' &&
    corrected.householdId === visit.householdId
  );
}
