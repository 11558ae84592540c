-- Staff, supervisor, relative and admin accounts for ASP.NET Core Identity, kept by CareWatch's own small Npgsql
-- user store (Server/Accounts/UserStore.cs) rather than the EF Core Identity store: DbUp stays the only migrator and
-- the schema says what an account may be. One role per account, because a person at a bureau has one job there.
-- user_name / normalized_user_name  Identity's sign-in name and its upper-cased lookup form.
-- password_hash                     Identity's PasswordHasher output (PBKDF2, versioned format); never a password.
-- security_stamp                    changes on every credential or role change, so cookies issued before it are
--                                   refused at their next validation.
-- lockout_end / access_failed_count Identity's lockout after repeated failures.
-- culture / time_zone               what the user's pages are rendered in (remembered across sign-ins).
CREATE TABLE users (
    id                   uuid PRIMARY KEY,
    user_name            text NOT NULL,
    normalized_user_name text NOT NULL UNIQUE,
    display_name         text NOT NULL,
    email                text,
    normalized_email     text,
    role                 text NOT NULL CHECK (role IN ('admin', 'supervisor', 'staff', 'relative')),
    bureau_id            uuid REFERENCES bureaus(id),
    -- A relative's account exists for one senior; erasing the senior erases it.
    senior_id            uuid REFERENCES seniors(id) ON DELETE CASCADE,
    password_hash        text,
    security_stamp       text NOT NULL,
    concurrency_stamp    text NOT NULL,
    lockout_enabled      boolean NOT NULL DEFAULT true,
    lockout_end          timestamptz,
    access_failed_count  integer NOT NULL DEFAULT 0,
    culture              text,
    time_zone            text,
    created_at           timestamptz NOT NULL,
    -- Staff and supervisors belong to a bureau, a relative to a senior, an admin to neither.
    CONSTRAINT users_scope CHECK (
        (role IN ('supervisor', 'staff') AND bureau_id IS NOT NULL AND senior_id IS NULL) OR
        (role = 'relative' AND senior_id IS NOT NULL AND bureau_id IS NULL) OR
        (role = 'admin' AND bureau_id IS NULL AND senior_id IS NULL))
);
CREATE INDEX users_bureau ON users(bureau_id) WHERE bureau_id IS NOT NULL;
CREATE INDEX users_senior ON users(senior_id) WHERE senior_id IS NOT NULL;
