import type { ModelData } from '../../src/domain/reportScope';
import { CHAMPION, household, member, pairing, trader, visit } from './modelFixtures';

/**
 * A small commune with known answers (reference day 2027-06-15, so ages are 2027 − birth year):
 * thôn 1: h1 (one qualifying member), h2, h3, h4 (nobody recorded yet), h6 (moved away);
 * thôn 2: h5; h7 deleted. See indicators.test.ts for the expected figures.
 */
export const TODAY = '2027-06-15';

const connected = { smartphone: true, vneid: 'level2', cashless: true } as const;
const fiveSkills = {
  gdsPublicServices: true,
  gdsShopping: true,
  gdsPayment: true,
  gdsSafety: true,
  gdsLocalPlatform: true,
};

export const VILLAGE: ModelData = {
  households: [
    household('h1'),
    household('h2', { flagElderlyAlone: false, flagPoor: true }),
    household('h3', { flagMinority: true }),
    household('h4', { flagDisability: true }),
    household('h5', { villageId: 'thon-2' }),
    household('h6', { status: 'moved_away' }),
    household('h7', { deleted: true }),
  ],
  members: [
    member('a1', 'h1', { ...CHAMPION, ...connected, birthYear: 1980 }),
    member('b1', 'h1', { smartphone: true, vneid: 'level1', birthYear: 1985 }),
    member('c1', 'h1', { vneid: 'level2', birthYear: 2011 }),
    member('d1', 'h1', { birthYear: 2015 }),
    member('a2', 'h2', { birthYear: 1950 }),
    member('b2', 'h2', { ...fiveSkills, smartphone: true, birthYear: 1990 }),
    member('a3', 'h3', { smartphone: true, birthYear: null }),
    member('b3', 'h3', { ...CHAMPION, ...connected, birthYear: 1970, deleted: true }),
    member('a5', 'h5', { ...connected, villageId: 'thon-2', birthYear: 2000 }),
    member('a6', 'h6', { ...CHAMPION, ...connected, birthYear: 1980 }),
  ],
  visits: [
    visit('v1', 'h1', '2027-06-01', { volunteerId: 'tnv-a' }),
    visit('v2', 'h2', '2027-04-01', { volunteerId: 'tnv-a', followUpDate: '2027-04-15' }),
    visit('v3', 'h5', '2027-06-10', {
      volunteerId: 'tnv-b',
      villageId: 'thon-2',
      followUpDate: '2027-06-20',
    }),
    visit('v4', 'h1', '2027-05-20', { volunteerId: 'tnv-b', followUpDate: '2027-05-25' }),
  ],
  mentorships: [
    ...['a2', 'b2', 'a3', 'b1', 'c1'].map((m, i) =>
      pairing(`pa${i}`, 'A', m, {
        status: i < 3 ? 'active' : 'completed',
        startDate: '2027-06-02',
      }),
    ),
    pairing('pb0', 'B', 'x1'),
    pairing('pb1', 'B', 'x2'),
    pairing('pc0', 'C', 'a5', { villageId: 'thon-2' }),
    pairing('pd0', 'D', 'y1', { villageId: 'thon-2', status: 'stopped' }),
  ],
  traders: [
    trader('t1', { stageTraderOn: '2027-01-05', stageEcommerceOn: '2027-03-01' }),
    trader('t2', { villageId: 'thon-2', stageTraderOn: '2027-02-01' }),
  ],
};
