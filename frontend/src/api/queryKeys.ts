/** Query-key factory: every cached API resource is keyed from here, so invalidation stays consistent. */

/** Filters of the households list, as sent to GET /api/households. */
export interface HouseholdListParams {
  q?: string;
  referentId?: string;
  singleParent?: boolean;
  pasSolo?: boolean;
  page: number;
  pageSize: number;
}

export const queryKeys = {
  auth: {
    me: () => ['auth', 'me'] as const,
  },
  households: {
    all: () => ['households'] as const,
    lists: () => ['households', 'list'] as const,
    list: (params: HouseholdListParams) => ['households', 'list', params] as const,
    detail: (id: string) => ['households', 'detail', id] as const,
    history: (id: string) => ['households', 'detail', id, 'history'] as const,
  },
  users: {
    all: () => ['users'] as const,
    list: (role?: string) => ['users', 'list', role ?? 'all'] as const,
  },
};
