-- Issue 22 item 5: every demo person an earlier version seeded into whatever database it was given is
-- marked, not only the seven an earlier clean-up named (demo-doc-nci and demo-evaluator were missed).
-- Every id on the one list of demo people (DEMO_USERS, src/auth/demo-people.ts) starts with "demo-",
-- a prefix `npm run users` gives nobody else; the API refuses the list and the prefix even unmarked.
UPDATE "User" SET "demo" = true WHERE lower("id") LIKE 'demo-%' AND NOT "demo";
