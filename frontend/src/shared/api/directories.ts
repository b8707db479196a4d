import { useQuery } from '@tanstack/react-query';
import { apiPage } from './client';

export interface CityRef {
  id: number;
  name: string;
  timezone: string;
}

/** Cities every screen offers in its selects (100 at most, the API's page limit). */
export function useCities() {
  return useQuery({
    // under the admin list's key, so that a city added or renamed there shows in every select at once
    queryKey: ['/api/cities', 'all'],
    queryFn: () => apiPage<CityRef>('/api/cities', { query: { limit: 100 } }).then((p) => p.data),
    staleTime: 60_000,
  });
}

export function useCityOptions() {
  return (useCities().data ?? []).map((c) => ({ value: c.name, label: c.name }));
}
