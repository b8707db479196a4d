import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  /** The API's message for this field (from a 400's `fields`), shown beside it. */
  error?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled form control with its error message tied to it for screen readers. */
export function Field({ label, error, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': error ? errorId : undefined })}
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function TextField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  type?: string;
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  /** For a time input: "1" lets seconds be given. */
  step?: string;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(a11y) => (
        <input
          {...a11y}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          required={props.required}
          autoComplete={props.autoComplete}
          placeholder={props.placeholder}
          step={props.step}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function SelectField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string;
  /** Label of an empty first choice; without it a value must be chosen. */
  emptyLabel?: string;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(a11y) => (
        <select {...a11y} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
