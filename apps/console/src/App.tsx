import ListAltIcon from '@mui/icons-material/ListAlt';
import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Layout, Resource, type LayoutProps } from 'react-admin';
import { authProvider } from './authProvider';
import { CaseList } from './cases';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Menu } from './Menu';
import { RulesPage } from './rules';

const AppLayout = (props: LayoutProps) => <Layout {...props} menu={Menu} />;

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
      requireAuth
      disableTelemetry
    >
      <Resource name="cases" list={CaseList} icon={ListAltIcon} options={{ label: 'madoguchi.resources.cases' }} />
      <CustomRoutes>
        <Route path="/rules" element={<RulesPage />} />
      </CustomRoutes>
    </Admin>
  );
}
