import { Admin } from 'react-admin';
import { Dashboard } from './dashboard/Dashboard';
import { i18nProvider } from './i18n';

export function App() {
  return <Admin title="窓口 Madoguchi" dashboard={Dashboard} i18nProvider={i18nProvider} />;
}
