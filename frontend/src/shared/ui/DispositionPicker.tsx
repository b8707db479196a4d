import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { activeOptions, useResultCodes } from '../api/resultCodes';
import type { Call } from '../api/types';
import { SelectField } from './Field';
import { formErrorsOf, NO_ERRORS } from './formErrors';
import { FormMessage } from './FormMessage';

/**
 * The disposition of an answered call, picked from the admins' list: on the screen-pop once the
 * call is answered, and on the call page. `onSaved` gets the call as the API answered it.
 */
export function DispositionPicker({ call, onSaved }: { call: Pick<Call, 'id' | 'dispositionId'>; onSaved?: (call: Call) => void }) {
  const { t } = useTranslation();
  const codes = useResultCodes('dispositions');
  const [value, setValue] = useState(call.dispositionId ? String(call.dispositionId) : '');
  const [errors, setErrors] = useState(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => api<Call>(`/api/calls/${call.id}`, { method: 'PATCH', body: { dispositionId: Number(value) } }),
    onSuccess: (updated) => {
      setErrors(NO_ERRORS);
      setSaved(true);
      onSaved?.(updated);
    },
    onError: (error) => setErrors(formErrorsOf(error, ['dispositionId'], t('errors.network'))),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (value) save.mutate();
  };
  return (
    <form className="disposition" onSubmit={submit} aria-label={t('call.disposition')} data-testid={`disposition-${call.id}`}>
      <SelectField label={t('call.disposition')} name={`disposition-${call.id}`} value={value} emptyLabel="—"
        options={activeOptions(codes.data, call.dispositionId)} error={errors.fields.dispositionId}
        onChange={(next) => { setValue(next); setSaved(false); }} />
      <button type="submit" disabled={!value || save.isPending}>{t('call.saveDisposition')}</button>
      <FormMessage message={errors.message} />
      {saved && <FormMessage kind="success" message={t('app.saved')} />}
    </form>
  );
}
