import { cleanText } from '../../../domain/cleanText';
import type { Gender, PlatformStatus, Relation, VneidLevel } from '../../../domain/entities';
import { changedFields, newId, writeAll } from '../../db';

export interface MemberForm {
  name: string;
  birthYear: string;
  gender: Gender | '';
  relation: Relation | '';
  smartphone: boolean;
  vneid: VneidLevel;
  cashless: boolean;
  onlineServices: boolean;
  platform: PlatformStatus;
  platformVerified: boolean;
  skills: string[];
  /** "Gia đình số" (flat booleans: each merges on its own). */
  gdsPublicServices: boolean;
  gdsShopping: boolean;
  gdsPayment: boolean;
  gdsSafety: boolean;
  gdsLocalPlatform: boolean;
  guidesFamily: boolean;
}

export function emptyMemberForm(relation: Relation | '' = ''): MemberForm {
  return {
    name: '',
    birthYear: '',
    gender: '',
    relation,
    smartphone: false,
    vneid: 'none',
    cashless: false,
    onlineServices: false,
    platform: 'none',
    platformVerified: false,
    skills: [],
    gdsPublicServices: false,
    gdsShopping: false,
    gdsPayment: false,
    gdsSafety: false,
    gdsLocalPlatform: false,
    guidesFamily: false,
  };
}

/** The fields as stored: the name cleaned (cleanText), so the server accepts it as it is. */
function fields(f: MemberForm) {
  return {
    name: cleanText(f.name),
    birthYear: Number(f.birthYear),
    gender: f.gender,
    relation: f.relation,
    smartphone: f.smartphone,
    vneid: f.vneid,
    cashless: f.cashless,
    onlineServices: f.onlineServices,
    platform: f.platform,
    platformVerified: f.platformVerified,
    skills: [...f.skills].sort(),
    // `=== true`: a draft saved before these fields existed has them undefined.
    gdsPublicServices: f.gdsPublicServices === true,
    gdsShopping: f.gdsShopping === true,
    gdsPayment: f.gdsPayment === true,
    gdsSafety: f.gdsSafety === true,
    gdsLocalPlatform: f.gdsLocalPlatform === true,
    guidesFamily: f.guidesFamily === true,
  };
}

/** A new member of a household (validated by the caller); takes the household's village. */
export async function createMember(
  household: { id: string; villageId: string },
  f: MemberForm,
): Promise<string> {
  const id = newId();
  await writeAll([
    {
      entity: 'member',
      id,
      fields: { householdId: household.id, villageId: household.villageId, ...fields(f) },
    },
  ]);
  return id;
}

/**
 * Saves only the fields the user changed, so per-field merge keeps another phone's concurrent edit
 * of a different field (a skill ticked elsewhere is not overwritten with the old value).
 */
export async function updateMember(id: string, f: MemberForm) {
  const changed = await changedFields('member', id, fields(f));
  if (Object.keys(changed).length === 0) return;
  await writeAll([{ entity: 'member', id, fields: changed }]);
}

/** Removing a member is a tombstone, so it syncs and merges like any other field. */
export async function removeMember(id: string) {
  await writeAll([{ entity: 'member', id, fields: { deleted: true } }]);
}
