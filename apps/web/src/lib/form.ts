import { useCallback, useState } from 'react';

export type FieldErrors = Record<string, string>;

/** Minimal form state: values, per-field errors keyed by dotted path (e.g. `calendar.weekly.2.start`). */
export function useFormState<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  /** The values the form opened with (to send only what changed). */
  const [initialValues] = useState<T>(values);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      const name = String(key);
      if (!Object.keys(current).some((k) => k === name || k.startsWith(`${name}.`))) return current;
      return Object.fromEntries(Object.entries(current).filter(([k]) => k !== name && !k.startsWith(`${name}.`)));
    });
  }, []);

  const reset = useCallback((next: T) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, initialValues, setValues, set, errors, setErrors, reset };
}

/** Errors under a prefix, with the prefix removed: `errorsUnder(errors, 'calendar')`. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key === prefix) out[''] = message;
    else if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = message;
  }
  return out;
}

/** Empty text becomes null, as the API expects for absent optional fields. */
export function nullIfEmpty(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Only the top-level fields whose value differs: what an edit form sends as a PATCH. */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch;
}
