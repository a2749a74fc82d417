import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Layout, type LayoutProps } from 'react-admin';
import { Dashboard } from './dashboard/Dashboard';
import { i18nProvider } from './i18n';
import { Menu } from './Menu';
import { RulesPage } from './rules';

const AppLayout = (props: LayoutProps) => <Layout {...props} menu={Menu} />;

export function App() {
  // Telemetry off: the console runs in closed municipal networks and reports to no one.
  return (
    <Admin title="窓口 Madoguchi" dashboard={Dashboard} layout={AppLayout} i18nProvider={i18nProvider} disableTelemetry>
      <CustomRoutes>
        <Route path="/rules" element={<RulesPage />} />
      </CustomRoutes>
    </Admin>
  );
}
