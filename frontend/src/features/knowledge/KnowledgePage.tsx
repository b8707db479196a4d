import { useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, download } from '../../shared/api/client';
import { useCityOptions } from '../../shared/api/directories';
import { CrudDirectory } from '../../shared/ui/CrudDirectory';
import { Field } from '../../shared/ui/Field';
import { useNotify } from '../../shared/ui/Notices';
import { AiTester } from './AiTester';
import { ReplyTemplatesSection } from './ReplyTemplatesSection';
import type { KbEntry } from '../../shared/api/types';
import { kbBody, kbFormOf, type KbForm } from './kbEntry';

const PATH = '/api/knowledge/entries';

/** The knowledge base the AI answers from (admins and supervisors): entries, CSV import/export, and the AI tester. */
export function KnowledgePage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const cities = useCityOptions();
  const queryClient = useQueryClient();
  const file = useRef<HTMLInputElement>(null);
  const failed = (error: unknown) => notify(error instanceof ApiError ? error.message : String(error), 'error');
  const importCsv = useMutation({
    mutationFn: async (csv: File) => api<{ created: number; updated: number }>('/api/knowledge/import', { method: 'POST', body: await csv.text(), contentType: 'text/csv' }),
    onSuccess: (result) => {
      notify(t('kb.imported', result));
      void queryClient.invalidateQueries({ queryKey: [PATH] });
    },
    onError: failed,
    onSettled: () => {
      if (file.current) file.current.value = '';
    },
  });
  const toolbar = (
    <>
      <label className="button">
        {t('kb.import')}
        <input ref={file} type="file" accept=".csv,text/csv" className="visually-hidden"
          onChange={(e) => e.target.files?.[0] && importCsv.mutate(e.target.files[0])} />
      </label>
      <button type="button" onClick={() => download('/api/knowledge/export', {}).catch(failed)}>{t('kb.export')}</button>
    </>
  );
  return (
    <div className="stack">
      <CrudDirectory<KbEntry>
        title={t('nav.knowledge')}
        path={PATH}
        toolbar={toolbar}
        blank={{ category: '', title: '', questions: '', answer: '', city: '' }}
        toForm={kbFormOf}
        toBody={(form, editing) => kbBody(form as KbForm, editing)}
        rowName={(e) => e.title}
        columns={[
          { key: 'category', header: t('kb.category'), render: (e) => e.category },
          { key: 'title', header: t('kb.title'), render: (e) => e.title },
          { key: 'questions', header: t('kb.questions'), render: (e) => e.questions.join(' · ') },
          { key: 'answer', header: t('kb.answer'), render: (e) => e.answer },
          { key: 'city', header: t('kb.city'), render: (e) => e.city ?? t('kb.anyCity') },
        ]}
        fields={() => [
          { name: 'category', label: t('kb.category') },
          { name: 'title', label: t('kb.title') },
          { name: 'city', label: t('kb.city'), type: 'select', options: cities, emptyLabel: t('kb.anyCity') },
          {
            name: 'questions', label: t('kb.questions'),
            render: (value, onChange, error) => (
              <Field label={t('kb.questionsHint')} error={error}>
                {(a11y) => <textarea {...a11y} name="questions" rows={3} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />}
              </Field>
            ),
          },
          {
            name: 'answer', label: t('kb.answer'),
            render: (value, onChange, error) => (
              <Field label={t('kb.answer')} error={error}>
                {(a11y) => <textarea {...a11y} name="answer" rows={3} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />}
              </Field>
            ),
          },
        ]}
      />
      <ReplyTemplatesSection />
      <AiTester />
    </div>
  );
}
