import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorBanner } from './ErrorBanner';
import { LoadingState } from './LoadingState';

/** Props of QueryState. */
export interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** What to show once the data is there. */
  children: (data: T) => ReactNode;
}

/** A spinner while a query loads, its error with a retry button, then its data. */
export function QueryState<T>({ query, children }: QueryStateProps<T>) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
