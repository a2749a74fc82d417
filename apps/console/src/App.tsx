import ListAltIcon from '@mui/icons-material/ListAlt';
import PeopleIcon from '@mui/icons-material/People';
import { Route } from 'react-router-dom';
import { Admin, AppBar as RaAppBar, CustomRoutes, Layout, Resource, useGetIdentity, UserMenu, type LayoutProps } from 'react-admin';
import { authProvider } from './authProvider';
import { CaseCreate, CaseList, CaseShow } from './cases';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { lazyPage } from './lazyPage';
import { Menu } from './Menu';
import { RulesPage } from './rules';
import { theme } from './theme';

const ReplyDesk = lazyPage(() => import('./replies/ReplyDesk'), 'ReplyDesk');
const PrintDesk = lazyPage(() => import('./print-runs/PrintDesk'), 'PrintDesk');
const OfficesPage = lazyPage(() => import('./offices/OfficesPage'), 'OfficesPage');
const UserList = lazyPage(() => import('./users'), 'UserList');
const UserCreate = lazyPage(() => import('./users'), 'UserCreate');
const UserEdit = lazyPage(() => import('./users'), 'UserEdit');

/** The user menu's button is named by the name it shows (its default label would not match it). */
function AppBar() {
  const { identity } = useGetIdentity();
  return <RaAppBar userMenu={<UserMenu label={identity?.fullName ?? 'ra.auth.user_menu'} />} />;
}

const AppLayout = (props: LayoutProps) => <Layout {...props} menu={Menu} appBar={AppBar} />;

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
      requireAuth
      disableTelemetry
    >
      {(role: string) => (
        <>
          <Resource name="cases" list={CaseList} show={CaseShow} create={role === 'clerk' || role === 'supervisor' ? CaseCreate : undefined} icon={ListAltIcon} options={{ label: 'madoguchi.resources.cases' }} recordRepresentation="receiptNumber" />
          <Resource name="letters" />
          <Resource name="print-runs" />
          {role === 'admin' && <Resource name="users" list={UserList} create={UserCreate} edit={UserEdit} icon={PeopleIcon} options={{ label: 'madoguchi.resources.users' }} recordRepresentation="username" />}
          <CustomRoutes>
            <Route path="/rules" element={<RulesPage />} />
            <Route path="/reply-desk" element={<ReplyDesk />} />
            <Route path="/print-desk" element={<PrintDesk />} />
            <Route path="/offices" element={<OfficesPage />} />
          </CustomRoutes>
        </>
      )}
    </Admin>
  );
}
