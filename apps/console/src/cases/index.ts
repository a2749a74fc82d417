import { lazyPage } from '../lazyPage';

export const CaseList = lazyPage(() => import('./CaseList'), 'CaseList');
export const CaseShow = lazyPage(() => import('./CaseShow'), 'CaseShow');
export const CaseCreate = lazyPage(() => import('./CaseCreate'), 'CaseCreate');
