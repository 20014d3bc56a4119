import { describe, expect, it } from 'vitest';
import { pinProblem } from '../../src/domain/pinRules';

describe('the rules for a new PIN', () => {
  it.each([
    ['six digits, none of the patterns', '250913', null],
    ['another', '607182', null],
    ['three different digits, no pattern', '112223', null],
    ['too short', '2468', 'length'],
    ['too long', '2509131', 'length'],
    ['not digits', '25o913', 'length'],
    ['empty', '', 'length'],
    ['one digit six times', '000000', 'weak'],
    ['two digits in turn', '121212', 'weak'],
    ['two digits, paired', '112211', 'weak'],
    ['a run up', '123456', 'weak'],
    ['a run down', '987654', 'weak'],
    ['a run from the middle', '345678', 'weak'],
    ['three digits twice', '168168', 'weak'],
    ['three digits and back', '123321', 'weak'],
    ['a keypad column', '147258', 'weak'],
  ])('%s: %s → %s', (_name, pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
  });
});
