import { describe, expect, it } from 'vitest';
import { mayRead, type Writer } from '../../src/domain/syncScope';

const DONG = 'dong';
const TAY = 'tay';
const volunteer: Writer = { role: 'volunteer', villageIds: [DONG] };
const leader: Writer = { role: 'leader', villageIds: [DONG, TAY] };
const officer: Writer = { role: 'officer', villageIds: [] };

describe('who may read a record, by where it lives', () => {
  it.each([
    ['a volunteer, their own village', volunteer, DONG, true],
    ['a volunteer, another village', volunteer, TAY, false],
    ['a volunteer, commune-wide data', volunteer, null, true],
    ['a leader, one of their villages', leader, TAY, true],
    ['a leader, a village not theirs', leader, 'xom-3', false],
    ['an officer, any village of the commune', officer, 'xom-3', true],
  ] as const)('%s', (_name, reader, village, expected) => {
    expect(mayRead(reader, village)).toBe(expected);
  });
});
