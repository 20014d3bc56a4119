import type { HouseholdFacts, MemberFacts } from '../../../domain/modelInputs';
import type { MentorshipFacts } from '../../../domain/mentorship';
import type { TraderFacts } from '../../../domain/trader4t';
import { db } from '../../db/db';
import { useLiveQuery } from '../../db/live';
import { villageRows } from '../../db/villageRows';
import { asHousehold, asMember } from '../field/rows';
import { useFieldSession } from '../field/useFieldSession';
import { asTrader } from '../traders/rows';
import { asMentorship } from './rows';

export interface ModelData {
  households: HouseholdFacts[];
  members: (MemberFacts & { name: string })[];
  mentorships: MentorshipFacts[];
  traders: TraderFacts[];
}

/** Live rows of the user's villages for the movement's models; undefined while loading. */
export function useModelData(): ModelData | undefined {
  const session = useFieldSession();
  const villageIds = (session?.villages ?? []).map((v) => v.id);
  const key = villageIds.join(',');
  return useLiveQuery(async () => {
    const [{ households, members }, mentorships, traders] = await Promise.all([
      villageRows(villageIds, { visits: false }),
      db.mentorships.where('villageId').anyOf(villageIds).toArray(),
      db.traders.where('villageId').anyOf(villageIds).toArray(),
    ]);
    return {
      households: households.map(asHousehold),
      members: members.map(asMember),
      mentorships: mentorships.map(asMentorship),
      traders: traders.map(asTrader),
    };
  }, [key]);
}
