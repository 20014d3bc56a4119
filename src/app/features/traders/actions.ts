import { checkStageDate, TRADER_STAGES, type TraderStageError } from '../../../domain/trader4t';
import type { Day } from '../../../domain/calendar';
import { cleanText } from '../../../domain/cleanText';
import { EARLIEST_TRADER_DAY } from '../../../domain/dateBounds';
import { checkName, type FieldError } from '../../../domain/fieldRules';
import { changedFields, newId, writeAll } from '../../db';

export type StageField = (typeof TRADER_STAGES)[number]['field'];

export type TraderForm = { memberId: string; businessName: string } & Record<StageField, string>;

/** A stage date's error: the domain's, or before EARLIEST_TRADER_DAY. */
export type StageDateError = TraderStageError | 'date_range';

export type TraderFormErrors = Partial<
  Record<'memberId' | 'businessName', FieldError> & Record<StageField, StageDateError>
>;

export function emptyTraderForm(memberId = ''): TraderForm {
  return {
    memberId,
    businessName: '',
    stageTraderOn: '',
    stageEcommerceOn: '',
    stageCashlessOn: '',
    stageSavingsOn: '',
  };
}

export function validateTrader(f: TraderForm, today: Day): TraderFormErrors {
  const errors: TraderFormErrors = {};
  if (f.memberId === '') errors.memberId = 'required';
  const name = checkName(f.businessName);
  if (name) errors.businessName = name;
  for (const { field } of TRADER_STAGES) {
    const e = f[field] === '' ? null : checkStageDate(f[field], today);
    if (e) errors[field] = e;
    else if (f[field] !== '' && f[field] < EARLIEST_TRADER_DAY) errors[field] = 'date_range';
  }
  return errors;
}

function fields(f: TraderForm) {
  const out: Record<string, unknown> = {
    memberId: f.memberId,
    businessName: cleanText(f.businessName),
  };
  for (const { field } of TRADER_STAGES) out[field] = f[field] === '' ? null : f[field];
  return out;
}

/** A new trader of a household; takes the household's village (the server re-derives it too). */
export async function createTrader(
  household: { id: string; villageId: string },
  f: TraderForm,
): Promise<string> {
  const id = newId();
  await writeAll([
    {
      entity: 'trader',
      id,
      fields: { householdId: household.id, villageId: household.villageId, ...fields(f) },
    },
  ]);
  return id;
}

/** Saves only what changed, so two phones recording different stages both keep theirs. */
export async function updateTrader(id: string, f: TraderForm) {
  const changed = await changedFields('trader', id, fields(f));
  if (Object.keys(changed).length > 0) await writeAll([{ entity: 'trader', id, fields: changed }]);
}

export async function removeTrader(id: string) {
  await writeAll([{ entity: 'trader', id, fields: { deleted: true } }]);
}
