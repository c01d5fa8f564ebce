import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError, setUnauthorizedHandler } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import i18n from '../i18n';
import { router } from './routes';
import { cssVariablesResolver, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retry network hiccups and server errors, never a refusal (4xx) that would answer the same.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

// A 401 `unauthenticated` means the session ended: forget it, and the route guard sends the person to /login.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(queryKeys.auth.me(), null);
});

/** The application with its providers: theme, notifications, server-state cache, i18n and router. */
export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <I18nextProvider i18n={i18n}>
          <RouterProvider router={router} />
        </I18nextProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
