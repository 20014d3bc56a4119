import type { ReactNode } from 'react';
import type { FieldError } from '../../../domain/validation';
import { ERROR_MESSAGE } from './labels';

/** A labelled text input with its Vietnamese error under it. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  error?: FieldError | undefined;
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
          {ERROR_MESSAGE[props.error]}
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

export function SelectField<T extends string>(props: {
  id: string;
  label: string;
  value: T | '';
  options: Record<T, string>;
  onChange(v: T): void;
  error?: FieldError | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        <option value="" disabled>
          — Chọn —
        </option>
        {(Object.entries(props.options) as [T, string][]).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      {props.error && (
        <p className="field-error" role="alert">
          {ERROR_MESSAGE[props.error]}
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
