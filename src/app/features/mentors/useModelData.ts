import type { HouseholdFacts, MemberFacts } from '../../../domain/modelInputs';
import type { MentorshipFacts } from '../../../domain/mentorship';
import type { TraderFacts } from '../../../domain/trader4t';
import { mentorships, traders, useLive, villages } from '../../db';
import { useFieldSession } from '../field/useFieldSession';

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
  return useLive(async () => {
    const [{ households, members }, pairings, sellers] = await Promise.all([
      villages(villageIds, { visits: false }),
      mentorships.inVillages(villageIds),
      traders.inVillages(villageIds),
    ]);
    return { households, members, mentorships: pairings, traders: sellers };
  }, [key]);
}
