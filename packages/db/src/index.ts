// What the API and the worker use at run time: the Prisma client on the pg adapter, its types, and
// the date columns. Migrations, the default server and the seed are in `@madoguchi/db/tools`.
export { createDatabaseClient, type Database } from './client';
export * from './generated/prisma/client';
export { withDatabase, databaseName, redactUrl, appRoleUrl } from './server/urls';
export { inMunicipality, checkIsolationAtStart, type UncheckedSession } from './municipality-scope';
export { keptPrepared, NAME_MUNICIPALITY, NAME_MUNICIPALITY_IN_SESSION, SESSION_CHANGED } from './scope-frame';
export { readRows } from './read-rows';
export { dateColumn, dayOf } from './date-columns';
export { policyColumn } from './policy-column';
export { onboardMunicipality, type Onboarding, type Onboarded } from './onboarding';
