import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { allVisits, membersOfHouseholds, visitsById } from '../../src/app/db/recordTables';
import { catchUp, search, useDraft } from '../../src/app/db';
import {
  createHousehold,
  emptyHouseholdForm,
  updateHousehold,
} from '../../src/app/features/households/actions';
import { createMember, emptyMemberForm } from '../../src/app/features/members/actions';
import { emptyVisitForm, logVisit } from '../../src/app/features/visits/actions';
import { useUi } from '../../src/app/state/ui';
import { currentVisits } from '../../src/domain/entities';

const V1 = 'village-dong';
const V2 = 'village-doai';

async function household(headName: string, address: string, phone = '') {
  const id = await createHousehold(
    { ...emptyHouseholdForm(V1), headName, address, phone },
    'user-1',
    `CODE${++codes}`,
  );
  return { id, villageId: V1 };
}

let codes = 0;
const member = (name: string, birthYear = '1980') => ({
  ...emptyMemberForm('child'),
  name,
  birthYear,
  gender: 'female' as const,
});

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(cleanup);

describe('field work on the device', () => {
  it('finds households and members ignoring diacritics and case, by name, address or phone', async () => {
    const h = await household('Nguyễn Văn Đức', 'Số 5, ngõ 3, Thôn Đông', '0912 345 678');
    await createMember(h, member('Trần Thị Hoa'));
    await household('Lê Văn An', 'Xóm Chùa');

    await catchUp(); // the indexer's work after those writes
    const names = async (q: string) => {
      const r = await search.query(q);
      return [...r.households.map((x) => x.headName), ...r.members.map((x) => x.name)];
    };
    expect(await names('nguyen van duc')).toEqual(['Nguyễn Văn Đức']);
    expect(await names('NGUYEN VAN D')).toEqual(['Nguyễn Văn Đức']);
    expect(await names('dang')).toEqual([]);
    expect(await names('duc')).toEqual(['Nguyễn Văn Đức']);
    expect(await names('nguyen duc')).toEqual(['Nguyễn Văn Đức']); // surname + given name
    expect(await names('tran hoa')).toEqual(['Trần Thị Hoa']);
    expect(await names('0912 345')).toEqual(['Nguyễn Văn Đức']);
    expect(await names('ngo 3 thon dong')).toEqual(['Nguyễn Văn Đức']);
    expect(await names('an chua')).toEqual(['Lê Văn An']); // name and address words
    const hoa = (await search.query('hoa')).members[0];
    expect(hoa?.household?.headName).toBe('Nguyễn Văn Đức');
  });

  it('keeps the search index local: no `_words` in the outbox, and it follows edits', async () => {
    const h = await household('Phạm Thị Mai', 'Thôn Đông');
    const ops = await db.outbox.toArray();
    expect(ops.some((op) => '_words' in op.fields)).toBe(false);
    await updateHousehold(
      h.id,
      { ...emptyHouseholdForm(V1), headName: 'Phạm Thị Lan', address: 'Thôn Đông' },
      V1,
    );
    await catchUp();
    expect((await search.query('pham thi mai')).households).toEqual([]);
    expect((await search.query('pham thi lan')).households).toHaveLength(1);
  });

  it('moves a household with its members to another village in one action', async () => {
    const h = await household('Hoàng Văn Nam', 'Thôn Đông');
    await createMember(h, member('Hoàng Thị Yến'));
    await createMember(h, member('Hoàng Minh Quân', '2010'));
    const before = await db.outbox.count();
    await updateHousehold(
      h.id,
      { ...emptyHouseholdForm(V2), headName: 'Hoàng Văn Nam', address: 'Thôn Đoài' },
      V1,
    );
    const members = await membersOfHouseholds(db, [h.id]);
    expect(members.map((m) => m.villageId)).toEqual([V2, V2]);
    expect((await db.households.get(h.id))?.villageId).toBe(V2);
    const ops = (await db.outbox.orderBy('seq').toArray()).slice(before);
    expect(ops.map((o) => o.entity).sort()).toEqual(['household', 'member', 'member']);
    expect(new Set(ops.map((o) => o.clock)).size).toBe(1); // one action, one clock
  });

  it('never rewrites a visit: a correction is a new visit that replaces the old in the history', async () => {
    const h = await household('Vũ Văn Long', 'Xóm Mới');
    const first = await logVisit(h, 'user-1', {
      ...emptyVisitForm([]),
      tasks: ['cai_vneid'],
      outcome: 'done',
    });
    const fix = await logVisit(
      h,
      'user-1',
      { ...emptyVisitForm([]), tasks: ['cai_vssid'], outcome: 'done' },
      { correctsId: first },
    );
    const [old] = await visitsById(db, [first]);
    expect(old?.tasks).toEqual(['cai_vneid']);
    const visits = await allVisits(db);
    expect(currentVisits(visits).map((v) => v.id)).toEqual([fix]);
    const opsForOld = (await db.outbox.toArray()).filter((o) => o.id === first);
    expect(opsForOld).toHaveLength(1);
  });
});

function NotesForm() {
  const d = useDraft('visit:test', { notes: '' });
  if (!d.loaded) return null;
  return (
    <>
      {d.restored && <p>khôi phục</p>}
      <label htmlFor="n">Ghi chú</label>
      <input id="n" value={d.value.notes} onChange={(e) => d.set({ notes: e.target.value })} />
      <button type="button" onClick={() => void d.clear()}>
        Lưu
      </button>
    </>
  );
}

describe('drafts', () => {
  it('saves typing, restores it after a remount, marks the form dirty until saved', async () => {
    const first = render(<NotesForm />);
    fireEvent.change(await screen.findByLabelText('Ghi chú'), {
      target: { value: 'Hẹn chiều mai' },
    });
    expect(useUi.getState().dirtyForms['visit:test']).toBe(true);
    // The draft is written once the typing pauses (debounced).
    await waitFor(async () =>
      expect((await db.drafts.get('visit:test'))?.value).toEqual({ notes: 'Hẹn chiều mai' }),
    );
    first.unmount();

    render(<NotesForm />);
    expect(((await screen.findByLabelText('Ghi chú')) as HTMLInputElement).value).toBe(
      'Hẹn chiều mai',
    );
    expect(screen.getByText('khôi phục')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    // Saving ends by dropping the draft, then the dirty mark.
    await waitFor(() => expect(useUi.getState().dirtyForms['visit:test']).toBeUndefined());
    expect(await db.drafts.get('visit:test')).toBeUndefined();
    expect(useUi.getState().dirtyForms['visit:test']).toBeUndefined();
  });
});

describe("a village's household list", () => {
  const base = {
    ...emptyHouseholdForm(V1),
    villageId: V1,
    status: 'active' as const,
    createdAt: 0,
    createdBy: 'u',
  };
  const hh = (id: string, extra: object = {}) => ({
    id,
    ...base,
    headName: id,
    address: id,
    ...extra,
  });
  const adult = (id: string, householdId: string, extra: object = {}) => ({
    id,
    householdId,
    villageId: V1,
    name: id,
    birthYear: 1970,
    gender: 'male' as const,
    relation: 'head' as const,
    smartphone: true,
    vneid: 'level2' as const,
    cashless: true,
    onlineServices: true,
    platform: 'completed' as const,
    platformVerified: false,
    skills: [],
    ...extra,
  });
  const visit = (
    id: string,
    householdId: string,
    at: number,
    followUpDate: string | null,
    correctsId?: string,
  ) => ({
    id,
    householdId,
    villageId: V1,
    volunteerId: 'u',
    at,
    presentMemberIds: [],
    tasks: [],
    otherTask: '',
    outcome: 'done' as const,
    followUpDate,
    notes: '',
    ...(correctsId ? { correctsId } : {}),
  });

  it('puts follow-ups due first, then the longest unvisited, and filters by flags and gaps', async () => {
    const { villageEntries, applyFilter } =
      await import('../../src/app/features/households/villageList');
    const entries = villageEntries(
      [hh('a'), hh('b', { flagPoor: true }), hh('c')],
      [adult('ma', 'a'), adult('mb', 'b', { vneid: 'none' }), adult('mc', 'c')],
      [
        visit('v1', 'a', 1000, null),
        visit('v2', 'b', 2000, '2026-01-10'),
        visit('v3', 'c', 500, '2026-01-01'),
        visit('v4', 'c', 600, null, 'v3'), // the correction dropped the follow-up
      ],
      2026,
      '2026-01-15',
    );
    expect(entries.map((e) => [e.h.id, e.followUpDue])).toEqual([
      ['b', '2026-01-10'],
      ['c', null],
      ['a', null],
    ]);
    const none = { flags: [], gap: '' as const, dueOnly: false };
    expect(applyFilter(entries, { ...none, flags: ['flagPoor'] }).map((e) => e.h.id)).toEqual([
      'b',
    ]);
    expect(applyFilter(entries, { ...none, gap: 'vneid' }).map((e) => e.h.id)).toEqual(['b']);
    expect(applyFilter(entries, { ...none, dueOnly: true }).map((e) => e.h.id)).toEqual(['b']);
  });
});
