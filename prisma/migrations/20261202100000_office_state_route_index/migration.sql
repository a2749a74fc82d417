-- An office's cases in one state on one route, newest first: the overdue list of an office (its
-- mailed agent cases) and the supervisors' count. Measured on the 1,000,000-case bench seed laid out
-- in registration order: the largest city's main office's overdue page 21 → 8 ms, its count 20 → 8
-- (bench/README.md), where PostgreSQL met the office's index (85,000 rows) and the state-and-route
-- index (21,000) in a bitmap.

-- CreateIndex
CREATE INDEX "cases_office_id_state_route_created_at_idx" ON "cases"("office_id", "state", "route", "created_at");
