import ListAltIcon from '@mui/icons-material/ListAlt';
import PeopleIcon from '@mui/icons-material/People';
import { useEffect } from 'react';
import { Navigate, Route } from 'react-router-dom';
import { MonthlyReportPage } from './reports/MonthlyReportPage';
import {
  Admin,
  AppBar as RaAppBar,
  CustomRoutes,
  Layout,
  LoadingIndicator,
  LocalesMenuButton,
  Resource,
  useGetIdentity,
  UserMenu,
  useTranslate,
  type LayoutProps,
} from 'react-admin';
import { mayTake, type Role } from '@madoguchi/domain';
import { authProvider, currentSession } from './authProvider';
import { CaseCreate, CaseList, CaseShow } from './cases';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { lazyPage, preloadPages } from './lazyPage';
import { Menu } from './Menu';
import { RulesPage } from './rules';
import { theme } from './theme';

const ReplyDesk = lazyPage(() => import('./replies/ReplyDesk'), 'ReplyDesk');
const PrintDesk = lazyPage(() => import('./print-runs/PrintDesk'), 'PrintDesk');
const OfficesPage = lazyPage(() => import('./offices/OfficesPage'), 'OfficesPage');
const UserList = lazyPage(() => import('./users'), 'UserList');
const UserCreate = lazyPage(() => import('./users'), 'UserCreate');
const UserEdit = lazyPage(() => import('./users'), 'UserEdit');

/**
 * The user menu's button is named by the name it shows (its default label would not match it);
 * the spinner that turns while data loads is named too (a progress bar without a name is an
 * accessibility failure, WCAG 4.1.2).
 */
function AppBar() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  return (
    <RaAppBar
      userMenu={<UserMenu label={identity?.fullName ?? 'ra.auth.user_menu'} />}
      toolbar={
        <>
          <LocalesMenuButton />
          <LoadingIndicator aria-label={translate('ra.page.loading')} />
        </>
      }
    />
  );
}

/**
 * Every screen but the login needs a login: the session is in this tab's storage, so the check is
 * synchronous and the login form is the first thing a new tab draws. (react-admin's own
 * `requireAuth` checks asynchronously, and its logout, racing the router's navigation, redrew
 * the check hundreds of times: 10–20 s of blank page before the login form.)
 */
function AppLayout(props: LayoutProps) {
  useEffect(preloadPages, []);
  if (!currentSession()) return <Navigate to="/login" replace />;
  return <Layout {...props} menu={Menu} appBar={AppBar} />;
}

export function App() {
  // Telemetry off: the console runs in closed municipal networks and reports to no one.
  return (
    <Admin
      title="窓口 Madoguchi"
      dashboard={Dashboard}
      layout={AppLayout}
      authProvider={authProvider}
      dataProvider={dataProvider}
      i18nProvider={i18nProvider}
      theme={theme}
      disableTelemetry
    >
      {(role: Role) => (
        <>
          <Resource
            name="cases"
            list={CaseList}
            show={CaseShow}
            create={mayTake(role, 'registerCase') ? CaseCreate : undefined}
            icon={ListAltIcon}
            options={{ label: 'madoguchi.resources.cases' }}
            recordRepresentation="receiptNumber"
          />
          <Resource name="letters" />
          <Resource name="print-runs" />
          {mayTake(role, 'manageStaff') && (
            <Resource
              name="users"
              list={UserList}
              create={UserCreate}
              edit={UserEdit}
              icon={PeopleIcon}
              options={{ label: 'madoguchi.resources.users' }}
              recordRepresentation="username"
            />
          )}
          <CustomRoutes>
            <Route path="/rules" element={<RulesPage />} />
            <Route path="/reply-desk" element={<ReplyDesk />} />
            <Route path="/print-desk" element={<PrintDesk />} />
            <Route path="/reports" element={<MonthlyReportPage />} />
            <Route path="/offices" element={<OfficesPage />} />
          </CustomRoutes>
        </>
      )}
    </Admin>
  );
}
