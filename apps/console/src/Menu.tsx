import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import PrintIcon from '@mui/icons-material/Print';
import StoreIcon from '@mui/icons-material/Store';
import { Menu as RaMenu, useTranslate } from 'react-admin';
import { useRoleIn } from './roles';

/** The menu follows the role, by the same role groups the API's guards use. */
export function Menu() {
  const translate = useTranslate();
  const roleIn = useRoleIn();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {roleIn('counter') && <RaMenu.ResourceItem name="cases" />}
      {roleIn('counter') && <RaMenu.Item to="/reply-desk" primaryText={translate('madoguchi.replyDesk.title')} leftIcon={<AssignmentReturnIcon />} />}
      {roleIn('printing') && <RaMenu.Item to="/print-desk" primaryText={translate('madoguchi.printDesk.title')} leftIcon={<PrintIcon />} />}
      {roleIn('administration') && <RaMenu.ResourceItem name="users" />}
      <RaMenu.Item to="/offices" primaryText={translate('madoguchi.offices.title')} leftIcon={<StoreIcon />} />
      <RaMenu.Item to="/rules" primaryText={translate('madoguchi.rules.menu')} leftIcon={<MenuBookIcon />} />
    </RaMenu>
  );
}
