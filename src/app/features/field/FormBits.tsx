import type { ReactNode } from 'react';

/** A labelled text input with its Vietnamese error message under it. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  /** The message shown (the field is then marked invalid). */
  error?: string | undefined;
  inputMode?: 'text' | 'numeric' | 'tel';
  type?: 'text' | 'date';
  /** The first and last day a date input offers ('YYYY-MM-DD'). */
  min?: string;
  max?: string;
  autoFocus?: boolean;
  multiline?: boolean;
}) {
  const errId = `${props.id}-error`;
  const common = {
    id: props.id,
    value: props.value,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? errId : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          min={props.min}
          max={props.max}
          inputMode={props.inputMode}
          autoFocus={props.autoFocus}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {props.error && (
        <p className="field-error" id={errId} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A big tickable box (touch target ≥ 48 px). */
export function CheckTile(props: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="check-tile">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

/** A labelled select: a disabled placeholder, then `options` as [value, label]. */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [value: string, label: string])[];
  onChange(v: string): void;
  /** The message shown. */
  error?: string | undefined;
  placeholder?: string | undefined;
  /** False: the select is not marked aria-invalid while its message shows. */
  markInvalid?: boolean | undefined;
}) {
  const invalid = Boolean(props.error) && props.markInvalid !== false;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="" disabled>
          {props.placeholder ?? '— Chọn —'}
        </option>
        {props.options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {props.error && (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function RestoredNote({ show }: { show: boolean }) {
  return show ? (
    <p className="muted" role="status">
      Đã khôi phục bản nháp chưa lưu.
    </p>
  ) : null;
}

export function FormActions(props: { saveLabel: string; onCancel(): void; children?: ReactNode }) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary">
        {props.saveLabel}
      </button>
      <button type="button" className="btn" onClick={props.onCancel}>
        Hủy
      </button>
      {props.children}
    </div>
  );
}
