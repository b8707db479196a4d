import { ApiError } from '../api/client';

/** What a failed request means for a form: messages per field, and one for the form itself. */
export interface FormErrors {
  fields: Record<string, string>;
  message?: string;
}

export const NO_ERRORS: FormErrors = { fields: {} };

/**
 * A 400 names its fields: those the form shows are put beside them, and the form-level message
 * carries only what no field shows (so nothing the server said is lost).
 */
export function formErrorsOf(error: unknown, shownFields: readonly string[], networkMessage: string): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, message: networkMessage };
  const fields: Record<string, string> = {};
  const unshown: string[] = [];
  for (const [field, message] of Object.entries(error.fields)) {
    if (shownFields.includes(field)) fields[field] = message;
    else unshown.push(`${field}: ${message}`);
  }
  if (Object.keys(error.fields).length === 0) return { fields, message: error.message };
  return { fields, message: unshown.length ? unshown.join('; ') : undefined };
}

/** The API's message for the first of these fields, when a list request was refused for it. */
export function fieldError(error: unknown, ...fields: string[]): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return fields.map((f) => error.fields[f]).find(Boolean);
}
