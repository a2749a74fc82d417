import MenuBookIcon from '@mui/icons-material/MenuBook';
import { Menu as RaMenu, useTranslate } from 'react-admin';

export function Menu() {
  const translate = useTranslate();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItem name="cases" />
      <RaMenu.Item to="/rules" primaryText={translate('madoguchi.rules.menu')} leftIcon={<MenuBookIcon />} />
    </RaMenu>
  );
}
