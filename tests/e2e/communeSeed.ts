import { expect } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import type { SeededCommune } from '../support/accounts';
import { clockAt, op, uuid } from '../support/sync';

/**
 * A small commune for end-to-end tests, sent as volunteers' phones would send it
 * (POST /api/sync/push): the leader's views and the data-at-rest test read it back in Chromium.
 */
export const LEADER = '0912000009';
export const DAY = 24 * 60 * 60 * 1000;

export async function push(url: string, token: string, ops: ReturnType<typeof op>[]) {
  const res = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-protocol-version': String(PROTOCOL_VERSION),
    },
    body: JSON.stringify({ ops }),
  });
  const body = (await res.json()) as { results: { status: string }[] };
  expect(body.results.every((r) => r.status === 'applied')).toBe(true);
}

/** Three households of Thôn Đông: 4 adults, 3 with a smartphone; one household never visited. */
export function communeOps(seed: SeededCommune) {
  const dong = seed.villages['Thôn Đông'] as string;
  const now = Date.now();
  const clock = clockAt(now - 60_000);
  const ops: ReturnType<typeof op>[] = [];
  const ids = { an: uuid(), binh: uuid(), cuong: uuid() };
  const house = (id: string, headName: string, address: string, more = {}) =>
    ops.push(
      op('household', id, { villageId: dong, headName, address, status: 'active', ...more }, clock),
    );
  const person = (householdId: string, name: string, birthYear: number, more = {}) =>
    ops.push(
      op(
        'member',
        uuid(),
        {
          householdId,
          villageId: dong,
          name,
          birthYear,
          gender: 'male',
          relation: 'head',
          smartphone: false,
          vneid: 'none',
          cashless: false,
          onlineServices: false,
          platform: 'none',
          platformVerified: false,
          skills: [],
          ...more,
        },
        clock,
      ),
    );
  const visit = (householdId: string, at: number) =>
    ops.push(
      op(
        'visit',
        uuid(),
        {
          householdId,
          villageId: dong,
          volunteerId: seed.users[LEADER],
          at,
          tasks: ['cai_vneid'],
          outcome: 'done',
          followUpDate: null,
          presentMemberIds: [],
          otherTask: '',
          notes: '',
        },
        clock,
      ),
    );
  house(ids.an, 'Nguyễn Văn An', 'Số 1, ngõ 2');
  person(ids.an, 'Nguyễn Văn An', 1970, { smartphone: true, vneid: 'level2', cashless: true });
  person(ids.an, 'Phạm Thị Hoa', 1975);
  house(ids.binh, 'Trần Thị Bình', 'Số 5, ngõ 3', { flagPoor: true });
  person(ids.binh, 'Trần Thị Bình', 1960, { gender: 'female', smartphone: true });
  house(ids.cuong, 'Lê Văn Cường', 'Số 9, ngõ 3');
  person(ids.cuong, 'Lê Văn Cường', 1990, { smartphone: true });
  visit(ids.an, now - 40 * DAY);
  visit(ids.cuong, now - 2 * 60 * 60 * 1000);
  return { ops, ids };
}
