import type { EntityName } from '../../domain/records';

/** The Dexie table that holds each synced entity. */
export const ENTITY_TABLE = {
  household: 'households',
  member: 'members',
  visit: 'visits',
  mentorship: 'mentorships',
  trader: 'traders',
  skill: 'skills',
  target: 'targets',
} as const satisfies Record<EntityName, string>;

export type EntityTable = (typeof ENTITY_TABLE)[EntityName];
