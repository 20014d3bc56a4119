import type { EntityName, Fields } from '../../domain/records';
import type { ViewData } from '../../domain/reportData';
import type { TungNhaDb } from './db';
import { entityRows } from './entityRows';
import { asHousehold, asMember, asMentorship, asTrader, asVisit } from './records';
import {
  allMembers,
  allVisits,
  countMembers,
  countVisits,
  membersById,
  membersOfHouseholds,
  visitsById,
  visitsOfHouseholds,
} from './recordTables';
import type { EntityRow } from './rows';
import { asFact } from './villageFacts';

const present = <T>(rows: (T | undefined)[]): T[] => rows.flatMap((r) => (r ? [r] : []));
const one =
  <T>(view: (r: EntityRow) => T) =>
  (r: EntityRow | undefined) =>
    r ? view(r) : undefined;

/**
 * Every way a screen reads synced records, by concept, each record typed (records.ts) with safe
 * defaults for a half-synced row. How they are stored (one row each, or members and visits in
 * chunks) stays behind these functions.
 */
export function storesOf(db: TungNhaDb) {
  const households = {
    get: async (id: string) => one(asHousehold)(await db.households.get(id)),
    byIds: async (ids: string[]) => present(await db.households.bulkGet(ids)).map(asHousehold),
    inVillages: async (villageIds: readonly string[]) =>
      (await db.households.where('villageId').anyOf(villageIds).toArray()).map(asHousehold),
    withCode: async (code: string) =>
      (await db.households.where('code').equals(code).toArray()).map(asHousehold),
    /** Every sticker code some household carries. */
    codes: async () => (await db.households.orderBy('code').uniqueKeys()).map(String),
    countInVillage: (villageId: string) =>
      db.households.where('villageId').equals(villageId).count(),
    count: () => db.households.count(),
    all: async () => (await db.households.toArray()).map(asHousehold),
  };
  const members = {
    get: async (id: string) => one(asMember)((await membersById(db, [id]))[0]),
    byIds: async (ids: string[]) => present(await membersById(db, ids)).map(asMember),
    ofHouseholds: async (ids: readonly string[]) =>
      (await membersOfHouseholds(db, ids)).map(asMember),
    count: () => countMembers(db),
  };
  const visits = {
    get: async (id: string) => one(asVisit)((await visitsById(db, [id]))[0]),
    ofHouseholds: async (ids: readonly string[]) =>
      (await visitsOfHouseholds(db, ids)).map(asVisit),
    count: () => countVisits(db),
  };
  return {
    households,
    members,
    visits,
    mentorships: {
      ofMentor: async (mentorId: string) =>
        (await db.mentorships.where('mentorId').equals(mentorId).toArray()).map(asMentorship),
      ofMentee: async (menteeId: string) =>
        (await db.mentorships.where('menteeId').equals(menteeId).toArray()).map(asMentorship),
      inVillages: async (villageIds: readonly string[]) =>
        (await db.mentorships.where('villageId').anyOf(villageIds).toArray()).map(asMentorship),
      count: () => db.mentorships.count(),
    },
    traders: {
      get: async (id: string) => one(asTrader)(await db.traders.get(id)),
      ofHousehold: async (householdId: string) =>
        (await db.traders.filter((r) => r.householdId === householdId).toArray()).map(asTrader),
      inVillages: async (villageIds: readonly string[]) =>
        (await db.traders.where('villageId').anyOf(villageIds).toArray()).map(asTrader),
      count: () => db.traders.count(),
    },
    /** The commune's skills framework and yearly targets: records of a few fields each. */
    skills: { all: () => db.skills.toArray(), count: () => db.skills.count() },
    targets: { all: () => db.targets.toArray(), count: () => db.targets.count() },

    /** Households of villages with their members, and their visits when asked. */
    async villages(villageIds: readonly string[], opts: { visits: boolean }) {
      const homes = await households.inVillages(villageIds);
      const ids = homes.map((h) => h.id);
      const [people, calls] = await Promise.all([
        members.ofHouseholds(ids),
        opts.visits ? visits.ofHouseholds(ids) : [],
      ]);
      return { households: homes, members: people, visits: calls };
    },

    /** Everything the dashboard and reports compute from, as the domain's plain facts. */
    async viewData(): Promise<ViewData> {
      const [homes, people, calls, pairings, sellers, goals] = await Promise.all([
        db.households.toArray(),
        allMembers(db),
        allVisits(db),
        db.mentorships.toArray(),
        db.traders.toArray(),
        db.targets.toArray(),
      ]);
      type Of<K extends keyof ViewData> = ViewData[K] extends readonly (infer T)[] ? T : never;
      return {
        households: homes.map(asFact<Of<'households'>>),
        members: people.map(asFact<Of<'members'>>),
        visits: calls.map(asFact<Of<'visits'>>),
        mentorships: pairings.map(asFact<Of<'mentorships'>>),
        traders: sellers.map(asFact<Of<'traders'>>),
        targets: goals.map(asFact<Of<'targets'>>),
      };
    },

    /**
     * The fields among `fields` whose value differs from the stored record's: what an edit
     * writes (an unchanged field is not sent, so it cannot overwrite another phone's edit).
     */
    async changedFields(entity: EntityName, id: string, fields: Fields): Promise<Fields> {
      const current = await entityRows(db, entity).get(id);
      return Object.fromEntries(
        Object.entries(fields).filter(
          ([k, v]) => JSON.stringify(current?.[k] ?? null) !== JSON.stringify(v ?? null),
        ),
      );
    },
  };
}

export type Stores = ReturnType<typeof storesOf>;
