-- The audit log (issue 10, point 7): who did what, when, in which bureau. Append-only: rows are inserted, never
-- changed or removed, with one exception that the GDPR/PIPL right to erasure forces on us: when a senior's data is
-- erased, the entries about them keep their place in history but the senior's id (and the ids of the relatives'
-- accounts erased with them) are replaced by a pseudonym. That rewrite is the function audit_log_pseudonymise
-- below; the trigger refuses every other UPDATE, every DELETE and TRUNCATE, so no ordinary code path can rewrite
-- history, even by mistake.
--
-- What this guards against and what it does not: the application's own role owns the tables (one connection
-- string runs migrations and queries), and an owner can always drop a trigger. The trigger stops application
-- code and careless SQL; a deployment that wants the log tamper-evident against its own operators runs the server
-- as a role that does not own the table (GRANT SELECT, INSERT ON audit_log, USAGE on its sequence, and EXECUTE on
-- audit_log_pseudonymise, which is SECURITY DEFINER for exactly that case). See docs/operations.md, "Audit log".
--
-- details holds ids and non-personal facts only (never names, keys, tokens or connection strings): the one
-- rewrite only has to replace ids.
CREATE TABLE audit_log (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor_kind     text NOT NULL CHECK (actor_kind IN ('user', 'api-key', 'system')),
    actor_id       text,
    actor_display  text,
    bureau_id      uuid,
    action         text NOT NULL CHECK (action ~ '^[a-z][a-z-]*(\.[a-z-]+)+$'),
    subject        text,
    -- The senior the entry concerns, if any: the erasure finds the entries to pseudonymise by it.
    senior_id      uuid,
    details        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_bureau ON audit_log(bureau_id, id DESC);
CREATE INDEX audit_log_senior ON audit_log(senior_id) WHERE senior_id IS NOT NULL;

CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('carewatch.audit_pseudonymise', true) = 'on'
       AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_kind = OLD.actor_kind AND NEW.action = OLD.action
       AND NEW.bureau_id IS NOT DISTINCT FROM OLD.bureau_id THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();

-- Replaces every id in erased_ids (the senior's, their relatives' accounts') by pseudonym in the entries that
-- concern the senior or were made by one of those accounts; returns how many entries changed. The setting that
-- lets the trigger pass is local to this function call's transaction and reset before it returns.
CREATE FUNCTION audit_log_pseudonymise(erased_senior uuid, erased_ids text[], pseudonym text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    changed integer;
    id_text text;
BEGIN
    PERFORM set_config('carewatch.audit_pseudonymise', 'on', true);
    UPDATE audit_log a SET
        senior_id = NULL,
        actor_id = CASE WHEN a.actor_id = ANY(erased_ids) THEN pseudonym ELSE a.actor_id END,
        actor_display = CASE WHEN a.actor_id = ANY(erased_ids) THEN pseudonym ELSE a.actor_display END,
        subject = CASE WHEN a.subject = ANY(erased_ids) THEN pseudonym ELSE a.subject END,
        details = a.details
    WHERE a.senior_id = erased_senior OR a.actor_id = ANY(erased_ids) OR a.subject = ANY(erased_ids);
    GET DIAGNOSTICS changed = ROW_COUNT;
    -- Ids inside details (a device assigned to the senior, a consent given for her): a textual replace is exact
    -- for ids, which JSON never escapes.
    FOREACH id_text IN ARRAY erased_ids LOOP
        CONTINUE WHEN length(id_text) < 8; -- a short id could match inside unrelated text
        UPDATE audit_log SET details = replace(details::text, id_text, pseudonym)::jsonb
        WHERE details::text LIKE '%' || id_text || '%';
    END LOOP;
    PERFORM set_config('carewatch.audit_pseudonymise', 'off', true);
    RETURN changed;
END
$$;
