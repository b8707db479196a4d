import { useCallback, useMemo } from 'react';
import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { apiCursorPage, apiPage, type Pagination, type Query } from './client';

const PAGE_SIZE = 100;

/** A list endpoint read page by page as the user scrolls (`page`, `limit` ≤ 100). */
export function useInfiniteList<T>(path: string, filters: Query) {
  const query = useInfiniteQuery({
    queryKey: [path, filters],
    queryFn: ({ pageParam }) => apiPage<T>(path, { query: { ...filters, page: pageParam, limit: PAGE_SIZE } }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.pagination.page < last.pagination.totalPages ? last.pagination.page + 1 : undefined),
  });
  return scrolled<T>(query);
}

/**
 * A list endpoint read by cursor as the user scrolls: each page asks for the rows `after` the previous
 * page's `next`, so the server neither skips the rows before it nor counts them again; only the first
 * page carries the total.
 */
export function useCursorList<T>(path: string, filters: Query) {
  const query = useInfiniteQuery({
    queryKey: [path, filters, 'cursor'],
    queryFn: ({ pageParam }) => apiCursorPage<T>(path, { query: { ...filters, after: pageParam, limit: PAGE_SIZE } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  return scrolled<T>(query);
}

function scrolled<T>(query: UseInfiniteQueryResult<InfiniteData<{ data: T[]; pagination?: Pagination }>>) {
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.data) ?? [], [query.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return { query, rows, loadMore, pagination: query.data?.pages[0]?.pagination };
}
