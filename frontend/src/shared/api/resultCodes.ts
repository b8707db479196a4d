import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** An entry of the admins' lists (`/api/result-codes/{list}`); a retired one is no longer offered. */
export interface ResultCode {
  id: number;
  kind: 'disposition' | 'cancel_reason';
  name: string;
  active: boolean;
  position: number;
}

export type ResultCodeList = 'dispositions' | 'cancel-reasons';

export function resultCodesPath(list: ResultCodeList): string {
  return `/api/result-codes/${list}`;
}

/** A list in its order, retired entries too (the admin screen shows them; pickers use {@link activeOptions}). */
export function useResultCodes(list: ResultCodeList) {
  return useQuery({
    // under the admin screen's key, so that an entry added or retired there shows in every picker at once
    queryKey: [resultCodesPath(list), 'all'],
    queryFn: () => api<ResultCode[]>(resultCodesPath(list)),
    staleTime: 60_000,
  });
}

/** What a picker offers: the active entries, and the current one even if it was retired since. */
export function activeOptions(codes: ResultCode[] | undefined, current?: number | null): { value: string; label: string }[] {
  return (codes ?? []).filter((c) => c.active || c.id === current).map((c) => ({ value: String(c.id), label: c.name }));
}
