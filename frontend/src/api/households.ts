/** Household hooks: list, record, history, create/update, activation code and letter. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, saveBlob } from './client';
import { queryKeys, type HouseholdListParams } from './queryKeys';
import type {
  ActivationCode,
  HistoryEntry,
  Household,
  HouseholdCreateBody,
  HouseholdPage,
  HouseholdPatchBody,
} from './types';

const path = (id: string) => `/api/households/${encodeURIComponent(id)}`;

/** One page of households matching the filters; keeps the previous page on screen while loading. */
export function useHouseholds(params: HouseholdListParams) {
  return useQuery({
    queryKey: queryKeys.households.list(params),
    queryFn: ({ signal }) =>
      api.get<HouseholdPage>('/api/households', {
        signal,
        query: {
          q: params.q,
          referentId: params.referentId,
          singleParent: params.singleParent,
          pasSolo: params.pasSolo,
          page: params.page,
          pageSize: params.pageSize,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

/** The full record of one household (staff, or the household itself). */
export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.households.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Household>(path(id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

/** The audit trail of a household, newest first (staff only). */
export function useHouseholdHistory(id: string) {
  return useQuery({
    queryKey: queryKeys.households.history(id),
    queryFn: ({ signal }) => api.get<{ items: HistoryEntry[] }>(`${path(id)}/history`, { signal }),
    select: (data) => data.items,
  });
}

/** Creates a household and seeds its record in the cache. */
export function useCreateHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HouseholdCreateBody) => api.post<Household>('/api/households', body),
    onSuccess: (household) => {
      queryClient.setQueryData(queryKeys.households.detail(household.id), household);
      void queryClient.invalidateQueries({ queryKey: queryKeys.households.lists() });
    },
  });
}

/** Updates part of a household; `members`, when present, replaces the whole list. */
export function useUpdateHousehold(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HouseholdPatchBody) => api.patch<Household>(path(id), body),
    onSuccess: (household) => {
      queryClient.setQueryData(queryKeys.households.detail(id), household);
      void queryClient.invalidateQueries({ queryKey: queryKeys.households.lists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.households.history(id) });
    },
  });
}

/** Issues a new activation code (replacing any earlier one). */
export function useIssueActivationCode(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ActivationCode>(`${path(id)}/activation`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.households.detail(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.households.lists() });
    },
  });
}

/**
 * Fetches the activation letter (PDF, in the household's language) and saves it under `fileName`
 * (the reader's language names the file, not the server).
 */
export function useDownloadActivationLetter(id: string) {
  return useMutation({
    mutationFn: async ({ code, fileName }: { code: string; fileName: string }) => {
      const { blob } = await api.postBlob(`${path(id)}/activation/letter`, { code }, { accept: 'application/pdf' });
      saveBlob(blob, fileName);
    },
  });
}
