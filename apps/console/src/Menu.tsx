import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import BarChartIcon from '@mui/icons-material/BarChart';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import PrintIcon from '@mui/icons-material/Print';
import StoreIcon from '@mui/icons-material/Store';
import { Menu as RaMenu, useTranslate } from 'react-admin';
import { useMayTake } from './roles';

/** The menu follows the role, by the same role groups the API's guards use. */
export function Menu() {
  const translate = useTranslate();
  const mayTake = useMayTake();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {mayTake('readCases') && <RaMenu.ResourceItem name="cases" />}
      {mayTake('lookupReply') && <RaMenu.Item to="/reply-desk" primaryText={translate('madoguchi.replyDesk.title')} leftIcon={<AssignmentReturnIcon />} />}
      {mayTake('printLetters') && <RaMenu.Item to="/print-desk" primaryText={translate('madoguchi.printDesk.title')} leftIcon={<PrintIcon />} />}
      {mayTake('readReports') && <RaMenu.Item to="/reports" primaryText={translate('madoguchi.reports.menu')} leftIcon={<BarChartIcon />} />}
      {mayTake('manageStaff') && <RaMenu.ResourceItem name="users" />}
      <RaMenu.Item to="/offices" primaryText={translate('madoguchi.offices.title')} leftIcon={<StoreIcon />} />
      <RaMenu.Item to="/rules" primaryText={translate('madoguchi.rules.menu')} leftIcon={<MenuBookIcon />} />
    </RaMenu>
  );
}
