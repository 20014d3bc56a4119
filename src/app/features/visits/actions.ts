import { cleanNotes, cleanText } from '../../../domain/cleanText';
import type { VisitOutcome, VisitTask } from '../../../domain/entities';
import { newId, writeAll } from '../../db';

export interface VisitForm {
  presentMemberIds: string[];
  tasks: VisitTask[];
  otherTask: string;
  outcome: VisitOutcome | '';
  followUpDate: string;
  notes: string;
}

export function emptyVisitForm(presentMemberIds: string[]): VisitForm {
  return {
    presentMemberIds,
    tasks: [],
    otherTask: '',
    outcome: '',
    followUpDate: '',
    notes: '',
  };
}

/**
 * Appends a visit (validated by the caller). Visits are facts: this always makes a NEW record;
 * a correction passes `correctsId`, the visit it replaces, which itself is never written again.
 * Text is stored cleaned (cleanText.ts), as the server accepts it.
 */
export async function logVisit(
  household: { id: string; villageId: string },
  volunteerId: string,
  f: VisitForm,
  opts: { at?: number; correctsId?: string } = {},
): Promise<string> {
  const id = newId();
  await writeAll([
    {
      entity: 'visit',
      id,
      fields: {
        householdId: household.id,
        villageId: household.villageId,
        volunteerId,
        at: opts.at ?? Date.now(),
        presentMemberIds: f.presentMemberIds,
        tasks: f.tasks,
        otherTask: f.tasks.includes('khac') ? cleanText(f.otherTask) : '',
        outcome: f.outcome,
        followUpDate: f.followUpDate === '' ? null : f.followUpDate,
        notes: cleanNotes(f.notes),
        ...(opts.correctsId ? { correctsId: opts.correctsId } : {}),
      },
    },
  ]);
  return id;
}
