/** Route guards: a session is needed, and some pages belong to some roles only. */
import { Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/auth';
import type { Role, SessionUser } from '../api/types';
import { ErrorBanner } from '../components/ErrorBanner';
import { LoadingState } from '../components/LoadingState';

/** Where each role lands after login. */
export function homePathFor(user: SessionUser): string {
  return user.role === 'household' ? '/me' : '/households';
}

/** Renders its child routes only with a session; otherwise goes to /login and comes back after. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState />;
  if (session.isError) {
    return (
      <Container size="sm" py="xl" component="main">
        <ErrorBanner error={session.error} onRetry={() => void session.refetch()} />
      </Container>
    );
  }
  if (!session.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <Outlet />;
}

/** Renders its child routes only for the given roles; anyone else is sent to their own home page. */
export function RequireRole({ roles }: { roles: Role[] }) {
  const { data: session } = useSession();
  if (!session) return null;
  if (!roles.includes(session.user.role)) return <Navigate to={homePathFor(session.user)} replace />;
  return <Outlet />;
}

/** The index route: sends each person to their home page. */
export function HomeRedirect() {
  const { data: session } = useSession();
  if (!session) return null;
  return <Navigate to={homePathFor(session.user)} replace />;
}
