/**
 * The rules for a new PIN: exactly six digits, not one of the few that people pick first. A PIN
 * set before these rules (4–6 digits) still unlocks; only a new one must follow them.
 */
export const PIN_LENGTH = 6;

export type PinProblem = 'length' | 'weak';

/** Keypad lines and shapes people type without thinking. */
const KEYPAD = new Set(['147258', '258369', '147852', '159357', '159753', '789456', '456123']);

/** Each digit one more (or one less) than the one before: 123456, 987654. */
function isRun(pin: string): boolean {
  const steps = [...pin].slice(1).map((d, i) => Number(d) - Number(pin[i]));
  return steps.every((s) => s === 1) || steps.every((s) => s === -1);
}

/** Why a new PIN is refused, or null when it may be set. */
export function pinProblem(pin: string): PinProblem | null {
  if (!new RegExp(`^\\d{${PIN_LENGTH}}$`).test(pin)) return 'length';
  const [a, b] = [pin.slice(0, 3), pin.slice(3)];
  const weak =
    new Set(pin).size < 3 || // 000000, 121212, 112211
    isRun(pin) ||
    a === b || // 123123, 168168
    b === [...a].reverse().join('') || // 123321
    KEYPAD.has(pin);
  return weak ? 'weak' : null;
}
