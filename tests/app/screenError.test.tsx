import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { useLive as useLiveQuery } from '../../src/app/db';
import { usePath } from '../../src/app/platform/router';
import { ScreenError } from '../../src/app/ui/ScreenError';

afterEach(cleanup);

/** The mistake that once left three screens blank: reading rows by an index they lack. */
function MembersByVillage() {
  const rows = useLiveQuery(() => db.traders.where('villageName').equals('v1').toArray(), []);
  return <p>{rows ? `${rows.length} người` : 'Đang tải'}</p>;
}

function Shell() {
  const path = usePath();
  return (
    <ScreenError key={path}>
      {path === '/' ? <h1>Trang chính</h1> : <MembersByVillage />}
    </ScreenError>
  );
}

describe('a screen that fails', () => {
  it('says so in Vietnamese with the cause, instead of a blank app, and leads back home', async () => {
    window.history.pushState(null, '', '/thon/v1');
    render(<Shell />);
    expect((await screen.findByRole('alert')).textContent).toContain('Không mở được màn hình này');
    expect(screen.getByTestId('screen-error-detail').textContent).toContain('SchemaError');
    expect(screen.getByRole('button', { name: 'Tải lại trang' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Về trang chính' }));
    expect(await screen.findByRole('heading', { name: 'Trang chính' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
