import type { TungNhaDb } from './db';
import { allRecords, countRecords, recordsById, recordsOfHouseholds } from './recordChunks';

/** Members and visits as stored rows (recordChunks.ts keeps them in chunks), by table. */
export const visitsOfHouseholds = (db: TungNhaDb, ids: readonly string[]) =>
  recordsOfHouseholds(db.visitChunks, ids);
export const visitsById = (db: TungNhaDb, ids: string[]) => recordsById(db.visitChunks, ids);
export const allVisits = (db: TungNhaDb) => allRecords(db.visitChunks);
export const countVisits = (db: TungNhaDb) => countRecords(db.visitChunks);
export const membersOfHouseholds = (db: TungNhaDb, ids: readonly string[]) =>
  recordsOfHouseholds(db.memberChunks, ids);
export const membersById = (db: TungNhaDb, ids: string[]) => recordsById(db.memberChunks, ids);
export const allMembers = (db: TungNhaDb) => allRecords(db.memberChunks);
export const countMembers = (db: TungNhaDb) => countRecords(db.memberChunks);
