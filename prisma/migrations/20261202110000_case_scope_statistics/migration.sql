-- Every statement over cases names the caller's municipality and its offices (the scope), and
-- PostgreSQL took the two for independent: the largest city of the 1,000,000-case bench seed, 40% of
-- the cases in its five offices, was estimated at 16% (0.4 × 0.4), a town of two offices at a row or
-- two. An office belongs to one municipality: with the dependency known, the scope is estimated as
-- the office condition alone. Where the estimate mattered most: today's walk-ins after a day's
-- registrations not yet in the statistics — estimated below a page, the day was read and sorted
-- whole (a top-N sort of 5,400 rows, 9–15 ms); estimated above it, the newest rows are read until
-- the page is full (1–2 ms, bench/README.md).
CREATE STATISTICS "cases_office_municipality" (dependencies) ON "office_id", "municipality_id" FROM "cases";
