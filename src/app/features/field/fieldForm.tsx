import { Fragment, type ReactNode } from 'react';
import { CheckTile, FormActions, RestoredNote, SelectField, TextField } from './FormBits';
import type { Errors, FieldSpec, FieldView } from './fieldSpec';
import { ERROR_MESSAGE } from './labels';
import { useDraftForm } from './useDraftForm';

/** What every draft-backed form is given by its screen. */
export interface DraftFormProps<T> {
  formId: string;
  initial: T;
  saveLabel: string;
  onSave(value: T): Promise<void>;
  onCancel(): void;
}

const MESSAGES: Readonly<Partial<Record<string, string>>> = ERROR_MESSAGE;

/**
 * A form made from its field list (fieldSpec.ts), backed by a draft (useDraftForm): the errors
 * show after a first try to save, and `onSave` is called only with a valid value.
 */
export function FieldForm<T, E extends Errors<T>>(
  props: DraftFormProps<T> & {
    /** The form's accessible name. */
    label: string;
    validate(value: NoInfer<T>): E;
    fields: readonly FieldSpec<T>[];
  },
) {
  const { draft, show, submit } = useDraftForm(
    props.formId,
    props.initial,
    props.validate,
    props.onSave,
  );
  if (!draft.loaded) return null;
  const write = (name: keyof T, v: unknown) => draft.set((p) => ({ ...p, [name]: v }));
  const view: FieldView<T> = {
    value: draft.value,
    errors: show,
    set: write,
    toggle: (name, item, on) =>
      draft.set((p) => {
        const current = p[name];
        const list: unknown[] = Array.isArray(current) ? current : [];
        return {
          ...p,
          [name]: on ? [...new Set([...list, item])] : list.filter((x) => x !== item),
        };
      }),
  };
  return (
    <form onSubmit={submit} noValidate aria-label={props.label}>
      <RestoredNote show={draft.restored} />
      <Fields fields={props.fields} view={view} write={write} />
      <FormActions
        saveLabel={props.saveLabel}
        onCancel={() => void draft.clear().then(props.onCancel)}
      />
    </form>
  );
}

function Fields<T>(props: {
  fields: readonly FieldSpec<T>[];
  view: FieldView<T>;
  write(name: keyof T, v: unknown): void;
}) {
  return (
    <>
      {props.fields.map((spec, i) => (
        <Fragment key={i}>{renderField(spec, props.view, props.write)}</Fragment>
      ))}
    </>
  );
}

function renderField<T>(
  spec: FieldSpec<T>,
  view: FieldView<T>,
  write: (name: keyof T, v: unknown) => void,
): ReactNode {
  const { value, errors } = view;
  const code = 'name' in spec ? errors[spec.name] : undefined;
  const message = code ? MESSAGES[code] : undefined;
  const list = (name: keyof T): readonly unknown[] => {
    const v = value[name];
    return Array.isArray(v) ? v : [];
  };
  switch (spec.kind) {
    case 'select':
      return (
        <SelectField
          id={spec.id}
          label={spec.label}
          value={String(value[spec.name])}
          options={spec.options}
          placeholder={spec.placeholder}
          markInvalid={spec.markInvalid}
          onChange={(v) => write(spec.name, v)}
          error={code ? (spec.message ?? message) : undefined}
        />
      );
    case 'checkbox':
      return (
        <CheckTile
          label={spec.label}
          checked={value[spec.name] === true}
          onChange={(on) => write(spec.name, on)}
        />
      );
    case 'checkbox-group':
      return spec.options.length === 0 ? null : (
        <fieldset className="checks">
          <legend>{spec.legend}</legend>
          {spec.options.map(([v, label]) => (
            <CheckTile
              key={v}
              label={label}
              checked={list(spec.name).includes(v)}
              onChange={(on) => view.toggle(spec.name, v, on)}
            />
          ))}
        </fieldset>
      );
    case 'radio':
      return <RadioGroup spec={spec} value={String(value[spec.name])} error={code} write={write} />;
    case 'group':
      return (
        <fieldset className="checks">
          <legend>{spec.legend}</legend>
          <Fields fields={spec.fields} view={view} write={write} />
        </fieldset>
      );
    case 'slot':
      return spec.render(view);
    default:
      return spec.shownIf && !spec.shownIf(value) ? null : (
        <TextField
          id={spec.id}
          label={spec.label}
          value={String(value[spec.name])}
          inputMode={spec.kind === 'number' ? 'numeric' : spec.kind === 'tel' ? 'tel' : undefined}
          type={spec.kind === 'date' ? 'date' : undefined}
          min={spec.min}
          max={spec.max}
          multiline={spec.kind === 'textarea'}
          autoFocus={spec.autoFocus}
          onChange={(v) => write(spec.name, v)}
          error={message}
        />
      );
  }
}

function RadioGroup<T>(props: {
  spec: Extract<FieldSpec<T>, { kind: 'radio' }>;
  value: string;
  error: string | undefined;
  write(name: keyof T, v: unknown): void;
}) {
  const { spec } = props;
  const errId = `${spec.id}-error`;
  return (
    <fieldset className="checks" aria-describedby={props.error ? errId : undefined}>
      <legend>{spec.legend}</legend>
      {spec.options.map(([v, label]) => (
        <label key={v} className="check-tile">
          <input
            type="radio"
            name={String(spec.name)}
            value={v}
            checked={props.value === v}
            onChange={() => props.write(spec.name, v)}
          />
          <span>{label}</span>
        </label>
      ))}
      {props.error && (
        <p className="field-error" id={errId} role="alert">
          {spec.message}
        </p>
      )}
    </fieldset>
  );
}
