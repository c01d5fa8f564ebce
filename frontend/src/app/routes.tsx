/** The route table (react-router data mode). Staff pages and the household page are guarded by role. */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AcquisitionsPage } from '../features/acquisitions/AcquisitionsPage';
import { ProjectPage } from '../features/acquisitions/ProjectPage';
import { ProjectsPage } from '../features/acquisitions/ProjectsPage';
import { SimulatorPage } from '../features/acquisitions/SimulatorPage';
import { ActivatePage } from '../features/auth/ActivatePage';
import { LoginPage } from '../features/auth/LoginPage';
import { HouseholdCreatePage } from '../features/households/HouseholdCreatePage';
import { HouseholdEditPage } from '../features/households/HouseholdEditPage';
import { HouseholdPage } from '../features/households/HouseholdPage';
import { HouseholdsPage } from '../features/households/HouseholdsPage';
import { BoardPage } from '../features/journey/BoardPage';
import { GroupPage } from '../features/savings/GroupPage';
import { GroupsPage } from '../features/savings/GroupsPage';
import { MyHouseholdPage } from '../features/me/MyHouseholdPage';
import { DepositPage } from '../features/rentalDeposits/DepositPage';
import { FundPage } from '../features/rentalDeposits/FundPage';
import { NewDepositPage } from '../features/rentalDeposits/NewDepositPage';
import { UsersPage } from '../features/users/UsersPage';
import { AppLayout } from './AppShell';
import { HomeRedirect, RequireRole, RequireSession } from './guards';
import { NotFoundPage } from './NotFoundPage';
import { PublicLayout } from './PublicLayout';
import { RouteError } from './RouteError';

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/login', element: <LoginPage /> },
          { path: '/activate', element: <ActivatePage /> },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomeRedirect /> },
              {
                element: <RequireRole roles={['coordinator', 'referent']} />,
                children: [
                  { path: '/households', element: <HouseholdsPage /> },
                  { path: '/households/new', element: <HouseholdCreatePage /> },
                  { path: '/households/:id', element: <HouseholdPage /> },
                  { path: '/households/:id/edit', element: <HouseholdEditPage /> },
                  { path: '/board', element: <BoardPage /> },
                  { path: '/groups', element: <GroupsPage /> },
                  { path: '/groups/:id', element: <GroupPage /> },
                  { path: '/rental-deposits', element: <FundPage /> },
                  { path: '/rental-deposits/:id', element: <DepositPage /> },
                  { path: '/projects', element: <ProjectsPage /> },
                  { path: '/projects/:id', element: <ProjectPage /> },
                  { path: '/simulator', element: <SimulatorPage /> },
                  { path: '/acquisitions', element: <AcquisitionsPage /> },
                ],
              },
              {
                element: <RequireRole roles={['coordinator']} />,
                children: [
                  { path: '/users', element: <UsersPage /> },
                  { path: '/rental-deposits/new', element: <NewDepositPage /> },
                ],
              },
              {
                element: <RequireRole roles={['household']} />,
                children: [{ path: '/me', element: <MyHouseholdPage /> }],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
