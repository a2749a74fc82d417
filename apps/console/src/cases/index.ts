export { CaseList } from './CaseList';
