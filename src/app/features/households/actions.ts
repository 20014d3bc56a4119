import { cleanText } from '../../../domain/cleanText';
import { PRIORITY_FLAGS, type PriorityFlag } from '../../../domain/entities';
import { cleanPhone } from '../../../domain/fieldRules';
import { changedFields, members, newId, writeAll, type Write } from '../../db';

export interface HouseholdForm extends Record<PriorityFlag, boolean> {
  villageId: string;
  address: string;
  headName: string;
  phone: string;
}

export function emptyHouseholdForm(villageId = ''): HouseholdForm {
  return {
    villageId,
    address: '',
    headName: '',
    phone: '',
    ...(Object.fromEntries(PRIORITY_FLAGS.map((f) => [f, false])) as Record<PriorityFlag, boolean>),
  };
}

/** The fields as stored: text cleaned (cleanText), so the server accepts them as they are. */
function formFields(f: HouseholdForm) {
  return {
    address: cleanText(f.address),
    headName: cleanText(f.headName),
    phone: cleanPhone(f.phone) ?? null,
    ...Object.fromEntries(PRIORITY_FLAGS.map((k) => [k, f[k]])),
  };
}

/** A new household (validated by the caller) wearing sticker `code`; returns its id. */
export async function createHousehold(
  f: HouseholdForm,
  userId: string,
  code: string,
): Promise<string> {
  const id = newId();
  await writeAll([
    {
      entity: 'household',
      id,
      fields: {
        villageId: f.villageId,
        ...formFields(f),
        code,
        status: 'active',
        createdAt: Date.now(),
        createdBy: userId,
      },
    },
  ]);
  return id;
}

/**
 * Saves an edit. Moving to another village rewrites the members' villageId in the same action,
 * so a half-moved household never exists.
 */
export async function updateHousehold(id: string, f: HouseholdForm, previousVillageId: string) {
  // Only the fields the user changed: per-field merge then keeps another phone's concurrent edit
  // of a different field (writing the whole form would overwrite it with the old value).
  const fields = await changedFields('household', id, formFields(f));
  const writes: Write[] = [{ entity: 'household', id, fields }];
  if (f.villageId !== previousVillageId) {
    writes[0]!.fields.villageId = f.villageId;
    for (const m of await members.ofHouseholds([id])) {
      writes.push({ entity: 'member', id: m.id, fields: { villageId: f.villageId } });
    }
  }
  if (Object.keys(fields).length === 0 && writes.length === 1) return;
  await writeAll(writes);
}

/** Moved away: kept (never deleted), only its status changes. */
export function setHouseholdStatus(id: string, status: 'active' | 'moved_away') {
  return writeAll([{ entity: 'household', id, fields: { status } }]);
}
