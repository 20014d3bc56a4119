import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { allVisits } from '../../src/app/db/recordTables';
import { createHousehold, emptyHouseholdForm } from '../../src/app/features/households/actions';
import { HouseholdForm } from '../../src/app/features/households/HouseholdForm';
import { emptyVisitForm, logVisit } from '../../src/app/features/visits/actions';
import { VisitForm } from '../../src/app/features/visits/VisitForm';
import type { Session } from '../../src/app/session/types';
import { useUi } from '../../src/app/state/ui';
import { invalidField } from '../../src/domain/fieldRules';
import { isSyncEntity } from '../../src/domain/records';

const V1 = '0190a5c8-0000-7000-8000-000000000001';
const HOUSEHOLD = { id: '0190a5c8-0000-7000-8000-0000000000aa', villageId: V1 };
const session = {
  token: 't',
  deviceId: 'd',
  user: {
    id: 'user-1',
    username: 'lan',
    displayName: 'Lan',
    role: 'volunteer',
    mustChangePassword: false,
  },
  commune: { code: '00001', name: 'Xã Thử', province: 'Tỉnh Thử' },
  villages: [{ id: V1, name: 'Thôn Đông', kind: 'thon' }],
  refreshedAt: 0,
} satisfies Session;

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(cleanup);

/** The Vietnamese message shown at the field labelled `label` (its aria-describedby). */
function errorAt(label: string): string | null {
  const id = screen.getByLabelText(label).getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

/** Presses a form's save button and waits for its answer: a field refused, or the save done. */
async function press(name: string, formId: string) {
  fireEvent.click(screen.getByRole('button', { name }));
  // A refusal marks a field at once; a save ends by dropping the form's draft and dirty mark.
  await waitFor(() =>
    expect(
      document.querySelector('[aria-invalid="true"]') !== null ||
        !useUi.getState().dirtyForms[formId],
    ).toBe(true),
  );
}

/** For each queued op, the field the server would refuse (null: none). */
async function outboxAccepted() {
  const ops = await db.outbox.toArray();
  return ops.map((op) =>
    isSyncEntity(op.entity) ? invalidField(op.entity, op.fields, Date.now()) : op.entity,
  );
}

function renderHouseholdForm() {
  render(
    <HouseholdForm
      formId="household:test"
      initial={{ ...emptyHouseholdForm(V1), address: 'Xóm 2' }}
      session={session}
      saveLabel="Lưu hộ"
      onSave={async (f) => {
        await createHousehold(f, session.user.id, 'CODE0001');
      }}
      onCancel={() => undefined}
    />,
  );
}

describe('names as typed', () => {
  it.each([
    { name: 'spaces only', typed: '    ', message: 'Không được để trống.' },
    {
      name: 'zero-width spaces only',
      typed: '\u200B\u200B\u200B',
      message: 'Không được để trống.',
    },
    { name: 'a bidi override only', typed: '\u202E\u202C', message: 'Không được để trống.' },
    { name: 'dots and dashes', typed: '... - ...', message: 'Tên phải có ít nhất một chữ cái.' },
    { name: 'digits', typed: '0912345678', message: 'Tên phải có ít nhất một chữ cái.' },
  ])('a head of household named with $name is refused at the field, as typed', async (c) => {
    renderHouseholdForm();
    const head = (await screen.findByLabelText('Chủ hộ')) as HTMLInputElement;
    fireEvent.change(head, { target: { value: c.typed } });
    await press('Lưu hộ', 'household:test');

    expect(errorAt('Chủ hộ')).toBe(c.message);
    expect(head.value).toBe(c.typed);
    expect(await db.households.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('saves a name cleaned: NFC, without invisible characters or extra spaces', async () => {
    renderHouseholdForm();
    fireEvent.change(await screen.findByLabelText('Chủ hộ'), {
      target: { value: '  Nguye\u0302\u0303n\u200B  Văn\u202E An ' },
    });
    fireEvent.change(screen.getByLabelText('Địa chỉ'), { target: { value: 'Số 5,\tngõ 3\n' } });
    await press('Lưu hộ', 'household:test');

    const [saved] = await db.households.toArray();
    expect([saved?.headName, saved?.address]).toEqual(['Nguyễn Văn An', 'Số 5, ngõ 3']);
    expect(await outboxAccepted()).toEqual([null]);
  });
});

function renderVisitForm() {
  render(
    <VisitForm
      formId="visit:test"
      initial={emptyVisitForm([])}
      members={[]}
      saveLabel="Lưu lượt hướng dẫn"
      onSave={async (f) => {
        await logVisit(HOUSEHOLD, session.user.id, f);
      }}
      onCancel={() => undefined}
    />,
  );
}

describe('a visit follow-up date', () => {
  it.each([
    { name: 'in year 275760', typed: '275760-09-13' },
    { name: 'in 1999', typed: '1999-12-31' },
    { name: 'ten years ahead', typed: `${new Date().getFullYear() + 10}-01-01` },
  ])('$name is refused at the field, as typed', async ({ typed }) => {
    renderVisitForm();
    fireEvent.click(await screen.findByLabelText('Cài VNeID'));
    fireEvent.click(screen.getByLabelText('Cần quay lại'));
    const date = screen.getByLabelText('Hẹn quay lại ngày') as HTMLInputElement;
    fireEvent.change(date, { target: { value: typed } });
    await press('Lưu lượt hướng dẫn', 'visit:test');

    expect(errorAt('Hẹn quay lại ngày')).toBe('Ngày không hợp lệ (ngoài khoảng cho phép).');
    expect(date.value).toBe(typed);
    expect(await allVisits(db)).toEqual([]);
  });

  it('next week is saved, with the notes cleaned and their line breaks kept', async () => {
    renderVisitForm();
    fireEvent.click(await screen.findByLabelText('Cài VNeID'));
    fireEvent.click(screen.getByLabelText('Cần quay lại'));
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    fireEvent.change(screen.getByLabelText('Hẹn quay lại ngày'), { target: { value: nextWeek } });
    fireEvent.change(screen.getByLabelText('Ghi chú'), {
      target: { value: ' Con trai\u200B đi làm xa. \r\n\r\n\r\nHẹn\u202E chiều mai ' },
    });
    await press('Lưu lượt hướng dẫn', 'visit:test');

    const [visit] = await allVisits(db);
    expect(visit?.followUpDate).toBe(nextWeek);
    expect(visit?.notes).toBe('Con trai đi làm xa.\n\nHẹn chiều mai');
    expect(await outboxAccepted()).toEqual([null]);
  });
});
