/** Session hooks: who is logged in, login, logout, activation and password change. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './client';
import { queryKeys } from './queryKeys';
import type { Session } from './types';

/** Credentials for POST /api/auth/login: staff by email, households by reference. */
export type LoginCredentials = { email: string; password: string } | { reference: string; password: string };

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The current session, or null when nobody is logged in. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.auth.me(),
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: false,
  });
}

/** Logs in and stores the session in the cache. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginCredentials) => api.post<Session>('/api/auth/login', credentials),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(queryKeys.auth.me(), session);
    },
  });
}

/** Logs out, forgets every cached record and the CSRF token. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(queryKeys.auth.me(), null);
    },
  });
}

/** Activates a household account with the code from its letter; resolves with its reference. */
export function useActivate() {
  return useMutation({
    mutationFn: (body: { code: string; password: string }) =>
      api.post<{ reference: string }>('/api/auth/activate', body),
  });
}

/** Changes the password of whoever is logged in. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/api/auth/password', body),
  });
}
