/** Staff user hooks (list for everyone on staff; create and update for coordinators). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';
import type { StaffRole, StaffUser } from './types';

/** Staff users, optionally only one role. */
export function useStaffUsers(role?: StaffRole, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.users.list(role),
    queryFn: ({ signal }) => api.get<{ items: StaffUser[] }>('/api/users', { signal, query: { role } }),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled: options.enabled ?? true,
  });
}

/** Body of POST /api/users. */
export interface StaffUserCreateBody {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
}

/** Creates a staff account (coordinators only). */
export function useCreateStaffUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffUserCreateBody) => api.post<StaffUser>('/api/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}

/** Renames, changes the role of, deactivates or reactivates a staff account (coordinators only). */
export function useUpdateStaffUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; name?: string; role?: StaffRole; active?: boolean }) =>
      api.patch<StaffUser>(`/api/users/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all() }),
  });
}
