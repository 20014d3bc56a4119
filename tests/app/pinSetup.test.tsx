import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db/db';
import { PinSetupScreen } from '../../src/app/features/auth/PinScreens';
import { checkPin, hasPin } from '../../src/app/session/pin';

afterEach(async () => {
  cleanup();
  await db.meta.clear();
});

function choose(pin: string, repeat = pin) {
  fireEvent.change(screen.getByLabelText('Mã PIN (6 chữ số)'), { target: { value: pin } });
  fireEvent.change(screen.getByLabelText('Nhập lại mã PIN'), { target: { value: repeat } });
  fireEvent.click(screen.getByRole('button', { name: 'Lưu mã PIN' }));
}

describe('choosing a PIN', () => {
  it.each([
    ['too short', '2468', 'Mã PIN gồm đúng 6 chữ số.'],
    ['easy to guess', '123456', 'Mã PIN này dễ đoán'],
    ['a repeated digit', '000000', 'Mã PIN này dễ đoán'],
  ])('refuses one %s, in Vietnamese, and sets nothing', async (_name, pin, message) => {
    render(<PinSetupScreen />);
    choose(pin);
    expect((await screen.findByText(new RegExp(message))).textContent).toContain(message);
    expect(await hasPin()).toBe(false);
  });

  it('sets a six-digit PIN that is not an obvious one', async () => {
    render(<PinSetupScreen />);
    choose('250913');
    await expect.poll(() => checkPin('250913')).toBe(true);
  });
});
