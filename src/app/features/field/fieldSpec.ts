import type { ReactNode } from 'react';

/**
 * A form's fields as data: what each one is (its kind), the value it edits, its Vietnamese
 * label and options. fieldForm.tsx renders a list of them; a part no kind covers (a visit's
 * present members, a trader's stage dates) is a `slot` that renders itself.
 */

/** The keys of T whose values are V. */
export type KeysOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T];

/** [value, label] pairs, in the order shown. */
export type Options = readonly (readonly [value: string, label: string])[];

/** The error code of each field, as the form's validation gives it (shown after a first save). */
export type Errors<T> = { readonly [K in keyof T]?: string | undefined };

/** What a slot reads and changes: the form's value, the errors to show, and setters. */
export interface FieldView<T> {
  value: T;
  errors: Errors<T>;
  set<K extends keyof T>(name: K, value: T[K]): void;
  /** Adds `item` to a list field (on) or removes it (off). */
  toggle(name: KeysOf<T, readonly string[]>, item: string, on: boolean): void;
}

/**
 * One-line inputs: 'number' and 'tel' bring up the phone's digit keyboard ('text' inputs still);
 * 'date' is the browser's date picker from `min` to `max`; 'textarea' takes several lines.
 */
export type TextKind = 'text' | 'number' | 'tel' | 'date' | 'textarea';

export type FieldSpec<T> =
  | {
      kind: TextKind;
      name: KeysOf<T, string>;
      id: string;
      label: string;
      autoFocus?: boolean;
      min?: string;
      max?: string;
      /** The field shows only while this holds. */
      shownIf?: (value: T) => boolean;
    }
  | {
      kind: 'select';
      name: KeysOf<T, string>;
      id: string;
      label: string;
      options: Options;
      /** The disabled first option ('— Chọn —' unless told). */
      placeholder?: string;
      /** One message whatever the error (the error code's message unless told). */
      message?: string;
      /** False: no aria-invalid on the select while its message shows. */
      markInvalid?: false;
    }
  | { kind: 'checkbox'; name: KeysOf<T, boolean>; label: string }
  /** Tick boxes adding their values to a list field; nothing shows without options. */
  | { kind: 'checkbox-group'; name: KeysOf<T, readonly string[]>; legend: string; options: Options }
  /** One choice among `options`; `message` shows at a missing or wrong choice. */
  | {
      kind: 'radio';
      name: KeysOf<T, string>;
      id: string;
      legend: string;
      options: Options;
      message: string;
    }
  /** Fields under one legend. */
  | { kind: 'group'; legend: string; fields: readonly FieldSpec<T>[] }
  | { kind: 'slot'; key: string; render(view: FieldView<T>): ReactNode };

/** `labels` of `codes` as options, in the codes' order. */
export function optionsOf<C extends string>(
  codes: readonly C[],
  labels: Record<C, string>,
): Options {
  return codes.map((c): readonly [string, string] => [c, labels[c]]);
}

/** Every code of a label table, in its order. */
export function allOptions(labels: Readonly<Record<string, string>>): Options {
  return Object.entries(labels);
}
