export { UserList } from './UserList';
export { UserCreate } from './UserCreate';
export { UserEdit } from './UserEdit';
