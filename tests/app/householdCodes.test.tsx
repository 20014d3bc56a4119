import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { writeAll } from '../../src/app/db/mutate';
import { CodeOutcome } from '../../src/app/features/qr/CodeOutcome';
import { resolveHouseholdCode } from '../../src/app/features/qr/householdCodes';
import { generateHouseholdCode } from '../../src/domain/householdCode';

const V = '0190a000-0000-7000-8000-000000000001';
const CODE = generateHouseholdCode('09988', (n) => Array.from({ length: n }, (_, i) => i + 5));

const home = (id: string, headName: string, extra: Record<string, unknown> = {}) => ({
  entity: 'household' as const,
  id,
  fields: { headName, villageId: V, code: CODE, status: 'active', ...extra },
});

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(cleanup);

/** Second security round, defect 5: a sticker never opens one of several households silently. */
describe('a sticker code worn by several households on this phone', () => {
  it('opens neither: it names both and lets the volunteer choose', async () => {
    await writeAll([home('h1', 'Nguyễn Văn Thật'), home('h0', 'Trần Văn Giả')]);
    const found = await resolveHouseholdCode(CODE);
    expect(found).toEqual({
      kind: 'several',
      code: CODE,
      households: [
        { id: 'h1', headName: 'Nguyễn Văn Thật' },
        { id: 'h0', headName: 'Trần Văn Giả' },
      ],
    });
    render(<CodeOutcome state={found as Extract<typeof found, { kind: 'several' }>} />);
    const alert = screen.getByTestId('code-several');
    expect(alert.textContent).toContain('đang gắn với 2 hộ');
    expect(screen.getByRole('button', { name: 'Nguyễn Văn Thật' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Trần Văn Giả' })).toBeTruthy();
  });

  it('opens the one live household when the other is deleted', async () => {
    await writeAll([home('h1', 'Nguyễn Văn Thật'), home('h0', 'Trần Văn Giả', { deleted: true })]);
    expect(await resolveHouseholdCode(CODE)).toEqual({ kind: 'household', id: 'h1' });
  });
});
