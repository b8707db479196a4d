import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, apiPage, ApiError } from '../api/client';
import { Field, SelectField, TextField } from './Field';
import { formErrorsOf, NO_ERRORS } from './formErrors';
import { FormMessage } from './FormMessage';
import { useNotify } from './Notices';
import { QueryState } from './QueryState';
import { SimpleTable, type SimpleColumn } from './SimpleTable';

export type FormValues = Record<string, any>;

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'password' | 'number' | 'select' | 'checkbox' | 'tel';
  options?: { value: string; label: string }[];
  emptyLabel?: string;
  /** A control of its own (the working-hours week). */
  render?: (value: any, onChange: (value: any) => void, error?: string) => ReactNode;
}

interface CrudDirectoryProps<T extends { id: number }> {
  title: string;
  path: string;
  columns: SimpleColumn<T>[];
  fields: (editing: T | null) => FieldSpec[];
  blank: FormValues;
  toForm: (row: T) => FormValues;
  /** The request body; on update only what changed is sent. */
  toBody: (form: FormValues, editing: T | null) => object;
  rowName: (row: T) => string;
  rowActions?: (row: T, refresh: () => void) => ReactNode;
  deletable?: boolean;
  /** The saved row as the API answered it (some answers carry what is shown only once). */
  onSaved?: (row: T) => void;
  /** More buttons beside "add". */
  toolbar?: ReactNode;
}

/**
 * A directory screen (admin directories, the knowledge base): the list, a form to add or edit a row (the API's 400 shown
 * beside the fields it names), and delete.
 */
export function CrudDirectory<T extends { id: number }>(props: CrudDirectoryProps<T>) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: [props.path], queryFn: () => apiPage<T>(props.path, { query: { limit: 100 } }) });
  const [editing, setEditing] = useState<T | null>(null);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<FormValues>(props.blank);
  const [errors, setErrors] = useState(NO_ERRORS);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: [props.path] });
  const fields = props.fields(editing);

  const save = useMutation({
    mutationFn: () =>
      editing
        ? api<T>(`${props.path}/${editing.id}`, { method: 'PATCH', body: props.toBody(form, editing) })
        : api<T>(props.path, { method: 'POST', body: props.toBody(form, null) }),
    onSuccess: (row) => {
      props.onSaved?.(row);
      notify(t('app.saved'));
      setOpen(false);
      refresh();
    },
    onError: (error) => setErrors(formErrorsOf(error, fields.map((f) => f.name), t('errors.network'))),
  });
  const remove = useMutation({
    mutationFn: (row: T) => api(`${props.path}/${row.id}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: (error) => notify(error instanceof ApiError ? error.message : String(error), 'error'),
  });

  const start = (row: T | null) => {
    setEditing(row);
    setForm(row ? props.toForm(row) : props.blank);
    setErrors(NO_ERRORS);
    setOpen(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const set = (name: string) => (value: any) => setForm((f) => ({ ...f, [name]: value }));
  // a page may hold two directories (the knowledge base and the reply templates): each names its own region
  const titleId = useId();

  return (
    <section aria-labelledby={titleId}>
      <div className="toolbar">
        <h1 id={titleId}>{props.title}</h1>
        {props.toolbar}
        <button type="button" className="primary" onClick={() => start(null)}>{t('admin.newItem')}</button>
      </div>
      {open && (
        <form className="card admin-form" onSubmit={submit} aria-label={editing ? `${t('admin.editItem')}: ${props.rowName(editing)}` : t('admin.newItem')} noValidate>
          <div className="form-grid">
            {fields.map((f) => {
              const error = errors.fields[f.name];
              if (f.render) return <div key={f.name} className="span-all">{f.render(form[f.name], set(f.name), error)}</div>;
              if (f.type === 'select')
                return <SelectField key={f.name} label={f.label} name={f.name} value={form[f.name] ?? ''} onChange={set(f.name)} options={f.options ?? []} emptyLabel={f.emptyLabel} error={error} />;
              if (f.type === 'checkbox')
                return (
                  <Field key={f.name} label={f.label} error={error}>
                    {(a11y) => <input {...a11y} type="checkbox" name={f.name} checked={!!form[f.name]} onChange={(e) => set(f.name)(e.target.checked)} />}
                  </Field>
                );
              return <TextField key={f.name} label={f.label} name={f.name} type={f.type} value={form[f.name] ?? ''} onChange={set(f.name)} error={error} />;
            })}
          </div>
          <FormMessage message={errors.message} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={save.isPending}>{editing ? t('app.save') : t('app.create')}</button>
            <button type="button" onClick={() => setOpen(false)}>{t('app.cancel')}</button>
          </div>
        </form>
      )}
      <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()} />
      <SimpleTable
        caption={props.title}
        rows={list.data?.data ?? []}
        rowKey={(r) => r.id}
        columns={[
          ...props.columns,
          {
            key: 'actions',
            header: t('app.actions'),
            render: (row) => (
              <span className="row-actions">
                <button type="button" onClick={() => start(row)} aria-label={`${t('app.edit')}: ${props.rowName(row)}`}>{t('app.edit')}</button>
                {props.rowActions?.(row, refresh)}
                {props.deletable !== false && (
                  <button type="button" className="danger" aria-label={`${t('app.delete')}: ${props.rowName(row)}`}
                    onClick={() => window.confirm(t('admin.confirmDelete', { name: props.rowName(row) })) && remove.mutate(row)}>
                    {t('app.delete')}
                  </button>
                )}
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}

/** On update only the fields that differ from the row as loaded (a PATCH keeps what is absent). */
export function changedOnly(form: FormValues, original: FormValues | null): FormValues {
  const body: FormValues = {};
  for (const [key, value] of Object.entries(form)) {
    if (value === '' || value === undefined) continue;
    if (original && JSON.stringify(original[key]) === JSON.stringify(value)) continue;
    body[key] = value;
  }
  return body;
}
