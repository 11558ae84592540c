-- Bureau administration (issue 12, deliverable 5).
-- seniors.language   what the senior's watch speaks ("Are you OK?") and the default for their contacts; the same
--                    vocabulary as senior_contacts.language. Existing seniors keep English until a supervisor says.
-- users.disabled_at  a supervisor switched the account off: set together with a lockout that does not end (so
--                    Identity refuses the sign-in) and a new security stamp (so open sessions end within a minute).
--                    Escalation never calls a disabled account.
ALTER TABLE seniors ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de', 'zh'));
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
