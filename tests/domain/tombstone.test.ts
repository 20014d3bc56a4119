import { describe, expect, it } from 'vitest';
import { applyWrite } from '../../src/domain/merge';
import type { EntityName, Versioned } from '../../src/domain/records';
import { withoutPersonalData } from '../../src/domain/tombstone';

const c = (n: number) => `00000000${n}-0000-a`;
const V = '019aa000-0000-7000-8000-0000000000f1';
const H = '019aa000-0000-7000-8000-0000000000aa';

function record(data: Record<string, unknown>): Versioned {
  return { data, clocks: Object.fromEntries(Object.keys(data).map((k) => [k, c(1)])) };
}

describe('a tombstone carries no personal data', () => {
  const cases: { name: string; entity: EntityName; before: Versioned; kept: string[] }[] = [
    {
      name: 'a household keeps its village only',
      entity: 'household',
      before: record({
        villageId: V,
        headName: 'Nguyễn Văn An',
        phone: '0912345678',
        address: 'Số 7',
      }),
      kept: ['villageId', 'deleted'],
    },
    {
      name: 'a member keeps its household and village only',
      entity: 'member',
      before: record({ householdId: H, villageId: V, name: 'Trần Thị Bình', birthYear: 1950 }),
      kept: ['householdId', 'villageId', 'deleted'],
    },
    {
      name: 'a trader keeps what places it',
      entity: 'trader',
      before: record({ memberId: H, householdId: H, villageId: V, businessName: 'Tạp hóa Bình' }),
      kept: ['memberId', 'householdId', 'villageId', 'deleted'],
    },
  ];
  it.each(cases)('$name', ({ entity, before, kept }) => {
    const deleted = withoutPersonalData(entity, applyWrite(before, { deleted: true }, c(2)).next);
    expect(Object.keys(deleted.data).sort()).toEqual([...kept].sort());
    // The clocks stay, so an older edit arriving later cannot bring a value back.
    const late = applyWrite(deleted, { [Object.keys(before.data).at(-1) as string]: 'cũ' }, c(1));
    expect(late.changed).toEqual([]);
  });

  it('removes a value written after the delete, and keeps a live record whole', () => {
    const gone = withoutPersonalData(
      'member',
      applyWrite(record({ name: 'An' }), { deleted: true }, c(2)).next,
    );
    const rewritten = withoutPersonalData(
      'member',
      applyWrite(gone, { name: 'An lại' }, c(3)).next,
    );
    expect(rewritten.data).toEqual({ deleted: true });
    const live = record({ name: 'An', householdId: H });
    expect(withoutPersonalData('member', live)).toBe(live);
  });

  it('keeps the phone its own bookkeeping fields', () => {
    const row = {
      data: { _village: V, name: 'An', deleted: true },
      clocks: { name: c(1), deleted: c(2) },
    };
    expect(withoutPersonalData('member', row).data).toEqual({ _village: V, deleted: true });
  });
});
