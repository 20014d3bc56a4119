import { describe, expect, it } from 'vitest';
import {
  checkStageDate,
  traderProgress,
  traderSummary,
  type TraderFacts,
  type TraderStage,
} from '../../src/domain/trader4t';
import { trader } from './modelFixtures';

const cases: { name: string; trader: TraderFacts; label: string; next: TraderStage | null }[] = [
  {
    name: 'just enrolled: nothing done, starts with Tiểu thương',
    trader: trader('t'),
    label: '0/4',
    next: 'trader',
  },
  {
    name: 'two stages done in order: next is cashless payment',
    trader: trader('t', { stageTraderOn: '2027-01-05', stageEcommerceOn: '2027-02-01' }),
    label: '2/4',
    next: 'cashless',
  },
  {
    name: 'a later stage done before an earlier one: the earlier is next',
    trader: trader('t', { stageTraderOn: '2027-01-05', stageCashlessOn: '2027-02-01' }),
    label: '2/4',
    next: 'ecommerce',
  },
  {
    name: 'all four done',
    trader: trader('t', {
      stageTraderOn: '2027-01-05',
      stageEcommerceOn: '2027-01-20',
      stageCashlessOn: '2027-02-01',
      stageSavingsOn: '2027-03-01',
    }),
    label: '4/4',
    next: null,
  },
  {
    name: 'a cleared or malformed date is not done',
    trader: trader('t', { stageTraderOn: null, stageEcommerceOn: 'hôm qua' }),
    label: '0/4',
    next: 'trader',
  },
];

describe('Chợ số 4T', () => {
  it.each(cases)('$name', (c) => {
    const p = traderProgress(c.trader);
    expect(p.label).toBe(c.label);
    expect(p.next).toBe(c.next);
  });

  it('stage labels are the model’s Vietnamese names', () => {
    expect(traderProgress(trader('t')).stages.map((s) => s.label)).toEqual([
      'Tiểu thương',
      'Thương mại điện tử',
      'Thanh toán không dùng tiền mặt',
      'Tiết kiệm số',
    ]);
  });

  it.each([
    { name: 'a valid past date', value: '2027-02-01', error: null },
    { name: 'today', value: '2027-03-01', error: null },
    { name: 'tomorrow', value: '2027-03-02', error: 'date_in_future' },
    { name: 'not a date', value: '01/02/2027', error: 'bad_date' },
  ])('stage date: $name', ({ value, error }) => {
    expect(checkStageDate(value, '2027-03-01')).toBe(error);
  });

  it('summary counts live traders per stage and those with all four', () => {
    const all = {
      stageTraderOn: '2027-01-01',
      stageEcommerceOn: '2027-01-02',
      stageCashlessOn: '2027-01-03',
      stageSavingsOn: '2027-01-04',
    };
    const s = traderSummary([
      trader('a', all),
      trader('b', { stageTraderOn: '2027-01-01' }),
      trader('c', { ...all, deleted: true }),
    ]);
    expect(s).toEqual({
      traders: 2,
      byStage: { trader: 2, ecommerce: 1, cashless: 1, savings: 1 },
      allFour: 1,
    });
  });
});
