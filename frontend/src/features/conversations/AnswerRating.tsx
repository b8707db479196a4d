import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../shared/api/client';
import { useNotify } from '../../shared/ui/Notices';
import type { AiAnswer } from './conversation';

/** The AI answer behind a message: confidence, sources, and the operator's 1–5 rating (a new one replaces the old). */
export function AnswerRating({ answer, conversationId }: { answer: AiAnswer; conversationId: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState('5');
  const [comment, setComment] = useState('');
  const rate = useMutation({
    mutationFn: () => api<AiAnswer>(`/api/ai/answers/${answer.id}/rating`, { method: 'POST', body: { rating: Number(rating), comment: comment || null } }),
    onSuccess: () => {
      notify(t('app.saved'));
      void queryClient.invalidateQueries({ queryKey: ['ai-answers', conversationId] });
    },
    onError: (error) => notify(error instanceof ApiError ? error.message : String(error), 'error'),
  });
  return (
    <div className="ai-answer">
      <small className="muted">
        {t('ai.confidence', { value: Math.round(answer.confidence * 100) })}
        {answer.writtenByLlm && ` · ${t('ai.llm')}`}
        {answer.sources.length > 0 && ` · ${t('ai.sources')}: ${answer.sources.map((s) => s.title).join(', ')}`}
        {' · '}{answer.ratings > 0 ? t('ai.rated', { average: answer.averageRating?.toFixed(1), count: answer.ratings }) : t('ai.notRated')}
      </small>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); rate.mutate(); }} aria-label={t('ai.rate')}>
        <label>
          {t('ai.rating')}{' '}
          <select value={rating} onChange={(e) => setRating(e.target.value)}>
            {[5, 4, 3, 2, 1].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('ai.comment')}</span>
          <input value={comment} placeholder={t('ai.comment')} onChange={(e) => setComment(e.target.value)} />
        </label>
        <button type="submit" disabled={rate.isPending}>{t('ai.rate')}</button>
      </form>
    </div>
  );
}
