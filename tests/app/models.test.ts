import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { asMentorship } from '../../src/app/db/records';
import { membersById } from '../../src/app/db/recordTables';
import { createHousehold, emptyHouseholdForm } from '../../src/app/features/households/actions';
import {
  createMember,
  emptyMemberForm,
  updateMember,
} from '../../src/app/features/members/actions';
import { createPairing, setPairingStatus } from '../../src/app/features/mentors/actions';
import {
  createTrader,
  emptyTraderForm,
  updateTrader,
} from '../../src/app/features/traders/actions';

const TODAY = '2027-03-01';
const VOLUNTEER_A = '01900000-0000-7000-8000-00000000000a';
const VOLUNTEER_B = '01900000-0000-7000-8000-00000000000b';

async function family() {
  const hh = {
    id: await createHousehold(
      { ...emptyHouseholdForm('village-dong'), headName: 'Lê Văn Nam', address: 'Xóm Chợ' },
      'user-1',
      'CODE1',
    ),
    villageId: 'village-dong',
  };
  const form = { ...emptyMemberForm('head'), name: 'Lê Văn Nam', birthYear: '1970' };
  const memberId = await createMember(hh, { ...form, gender: 'male' });
  return { hh, memberId, form: { ...form, gender: 'male' as const } };
}

const outbox = () => db.outbox.orderBy('seq').toArray();

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('Đại sứ số pairings on the device', () => {
  it('a resident with an active mentor is refused a second one, and nothing is written', async () => {
    const { memberId } = await family();
    const first = await createPairing({ id: VOLUNTEER_A, kind: 'volunteer' }, memberId, TODAY);
    expect(first.ok).toBe(true);
    const before = (await outbox()).length;
    const second = await createPairing({ id: VOLUNTEER_B, kind: 'volunteer' }, memberId, TODAY);
    expect(second).toEqual({ ok: false, error: 'mentee_has_active_mentor' });
    expect((await outbox()).length).toBe(before);
    expect(await db.mentorships.count()).toBe(1);
  });

  it('a stopped pairing frees the resident; resuming it is refused while the new mentor is active', async () => {
    const { memberId } = await family();
    const first = await createPairing({ id: VOLUNTEER_A, kind: 'volunteer' }, memberId, TODAY);
    if (!first.ok) throw new Error('first pairing refused');
    const stopped = asMentorship((await db.mentorships.get(first.id))!);
    expect((await setPairingStatus(stopped, 'stopped', TODAY)).ok).toBe(true);
    expect((await createPairing({ id: VOLUNTEER_B, kind: 'volunteer' }, memberId, TODAY)).ok).toBe(
      true,
    );
    const again = asMentorship((await db.mentorships.get(first.id))!);
    expect(await setPairingStatus(again, 'active', TODAY)).toEqual({
      ok: false,
      error: 'mentee_has_active_mentor',
    });
    expect((await db.mentorships.get(first.id))?.status).toBe('stopped');
  });

  it('the pairing carries the mentee’s village and flat UUID fields, as the server expects', async () => {
    const { memberId } = await family();
    await createPairing({ id: VOLUNTEER_A, kind: 'volunteer' }, memberId, TODAY);
    const op = (await outbox()).at(-1);
    expect(op?.entity).toBe('mentorship');
    expect(op?.fields).toEqual({
      mentorId: VOLUNTEER_A,
      mentorKind: 'volunteer',
      menteeId: memberId,
      villageId: 'village-dong',
      startDate: TODAY,
      status: 'active',
      skills: [],
    });
  });
});

describe('edits write only what changed (so two phones merge)', () => {
  it('ticking one Gia đình số skill sends that field alone', async () => {
    const { memberId, form } = await family();
    await updateMember(memberId, { ...form, gdsShopping: true });
    expect((await outbox()).at(-1)?.fields).toEqual({ gdsShopping: true });
    const [row] = await membersById(db, [memberId]);
    expect(row?.gdsShopping).toBe(true);
    expect(row?.gdsPayment).toBe(false);
  });

  it('recording one 4T stage sends that stage alone', async () => {
    const { hh, memberId } = await family();
    const form = { ...emptyTraderForm(memberId), businessName: 'Sạp rau cô Lan' };
    const id = await createTrader(hh, form);
    await updateTrader(id, { ...form, stageSavingsOn: '2027-02-20' });
    expect((await outbox()).at(-1)?.fields).toEqual({ stageSavingsOn: '2027-02-20' });
  });
});
