-- The alert lifecycle (issue 11): alerts are closed by people, every transition is recorded, and every
-- notification is queued in the same statement as the change that causes it (a transactional outbox).
--
-- States (Storage/Alerts/AlertStates.cs): checking (the watch asks "Are you OK?") -> open (for staff) ->
-- acknowledged (by whom) -> resolved (with an outcome and a note); cancelled (the senior pressed OK in time).
-- The monitor's former 'cleared' (condition ended) is no longer a state but an event on the alert. Rows cleared
-- before this migration were closed by the system, so they become resolved with the outcome auto-resolved.
ALTER TABLE alerts DROP CONSTRAINT alerts_status_check;
DROP INDEX alerts_one_open;
DROP INDEX alerts_recently_closed;

-- severity         0 info, 1 low, 2 high, 3 critical (Storage/Alerts/AlertSeverity.cs); may rise while unacknowledged.
-- opened_at        when staff were first shown it (the end of the check-in): response times count from here.
-- acknowledged_*   who took it, and when.
-- resolved_by      who closed it (null: the system, for an auto-resolved device-health alert); closed_at says when.
-- outcome          what was found (Storage/Alerts/AlertOutcomes.cs); resolution_note what they wrote.
-- assigned_to      the colleague who handles it (null: nobody in particular).
-- prompt_count     "Are you OK?" prompts sent so far; prompt_deadline when the current one gives up (checking only).
-- escalation_step  chain steps carried out so far; next_step_at when the escalation sweep acts next (null: nothing
--                  left to do, e.g. acknowledged). reminders_sent counts repeats after the last step.
-- severity_rises_at when the severity goes up if still unacknowledged (null: it does not).
-- repeat_count     how often the same episode was raised again (another SOS press); last_repeat_at the latest.
ALTER TABLE alerts
    ADD COLUMN severity          smallint NOT NULL DEFAULT 2 CHECK (severity BETWEEN 0 AND 3),
    ADD COLUMN opened_at         timestamptz,
    ADD COLUMN acknowledged_at   timestamptz,
    ADD COLUMN acknowledged_by   uuid REFERENCES users(id) ON DELETE SET NULL,
    ADD COLUMN resolved_by       uuid REFERENCES users(id) ON DELETE SET NULL,
    ADD COLUMN outcome           text CHECK (outcome IN ('senior-ok', 'assisted-at-home', 'ambulance-called',
                                                         'false-alarm', 'watch-problem', 'other', 'auto-resolved')),
    ADD COLUMN resolution_note   text CHECK (length(resolution_note) <= 4000),
    ADD COLUMN assigned_to       uuid REFERENCES users(id) ON DELETE SET NULL,
    ADD COLUMN prompt_count      smallint NOT NULL DEFAULT 0,
    ADD COLUMN prompt_deadline   timestamptz,
    ADD COLUMN escalation_step   smallint NOT NULL DEFAULT 0,
    ADD COLUMN reminders_sent    integer NOT NULL DEFAULT 0,
    ADD COLUMN next_step_at      timestamptz,
    ADD COLUMN severity_rises_at timestamptz,
    ADD COLUMN repeat_count      integer NOT NULL DEFAULT 0,
    ADD COLUMN last_repeat_at    timestamptz;

UPDATE alerts SET status = 'resolved', outcome = 'auto-resolved' WHERE status = 'cleared';
UPDATE alerts SET opened_at = raised_at;
UPDATE alerts SET severity = CASE kind WHEN 'sos' THEN 3 WHEN 'fall' THEN 3 WHEN 'inactivity' THEN 2 ELSE 1 END;
ALTER TABLE alerts ADD CONSTRAINT alerts_status
    CHECK (status IN ('checking', 'open', 'acknowledged', 'resolved', 'cancelled'));
ALTER TABLE alerts ADD CONSTRAINT alerts_outcome_when_resolved
    CHECK ((status = 'resolved') = (outcome IS NOT NULL));

-- One active alert per senior and kind (an episode): a repeat extends it, a retried raise cannot duplicate it.
CREATE UNIQUE INDEX alerts_one_active ON alerts(senior_id, kind) WHERE status IN ('checking', 'open', 'acknowledged');
CREATE INDEX alerts_recently_closed ON alerts(closed_at) WHERE status IN ('resolved', 'cancelled');
CREATE INDEX alerts_next_step ON alerts(next_step_at) WHERE next_step_at IS NOT NULL;
CREATE INDEX alerts_prompt_deadline ON alerts(prompt_deadline) WHERE status = 'checking';
CREATE INDEX alerts_severity_rises ON alerts(severity_rises_at) WHERE severity_rises_at IS NOT NULL;
CREATE INDEX alerts_opened ON alerts(opened_at) WHERE opened_at IS NOT NULL;

-- Everything that happened to an alert, in order: who (actor), when, what (event, Storage/Alerts/AlertEvents.cs),
-- from which state to which, and the alert's version after it. Append-only like the audit log; the one DELETE
-- allowed is the erasure of a senior (SeniorErasure sets carewatch.erasing for its transaction).
CREATE TABLE alert_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id    bigint NOT NULL REFERENCES alerts(id),
    senior_id   uuid NOT NULL,
    at          timestamptz NOT NULL,
    event       text NOT NULL CHECK (event ~ '^[a-z][a-z-]*$'),
    actor_kind  text NOT NULL CHECK (actor_kind IN ('system', 'user', 'api-key', 'senior', 'relative')),
    actor_id    text,
    from_status text,
    to_status   text NOT NULL,
    version     integer NOT NULL,
    detail      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX alert_events_alert ON alert_events(alert_id, id);
CREATE INDEX alert_events_senior ON alert_events(senior_id);

CREATE FUNCTION alert_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('carewatch.erasing', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'alert_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER alert_events_append_only BEFORE UPDATE OR DELETE ON alert_events
    FOR EACH ROW EXECUTE FUNCTION alert_events_guard();
CREATE TRIGGER alert_events_no_truncate BEFORE TRUNCATE ON alert_events
    FOR EACH STATEMENT EXECUTE FUNCTION alert_events_guard();

-- The transactional outbox: a notification is queued in the statement that changes the alert, and dispatchers
-- deliver it (Monitoring/Notifications). recipient says to whom, as '<kind>:<id>' (board:bureau, user:<id>,
-- contact:<id>, webhook:<id>); payload holds structured facts only, rendered per recipient (language) at delivery.
-- idempotency_key is unique: a step carried out twice queues nothing twice, and receivers get it as a header or
-- Message-ID so a crash between sending and recording cannot make them act twice.
-- status: queued -> sending (leased until lease_until) -> sent | delivered | failed (retried from not_before) -> dead.
CREATE TABLE notification_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id        bigint REFERENCES alerts(id),
    senior_id       uuid,
    bureau_id       uuid NOT NULL REFERENCES bureaus(id),
    channel         text NOT NULL CHECK (channel IN ('signalr', 'email', 'webhook')),
    recipient       text NOT NULL,
    kind            text NOT NULL CHECK (kind ~ '^[a-z][a-z-]*$'),
    urgent          boolean NOT NULL,
    payload         jsonb NOT NULL DEFAULT '{}'::jsonb,
    idempotency_key text NOT NULL UNIQUE,
    status          text NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'dead')),
    attempts        integer NOT NULL DEFAULT 0,
    not_before      timestamptz NOT NULL,
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);
CREATE INDEX notification_outbox_due ON notification_outbox(not_before) WHERE status IN ('queued', 'failed', 'sending');
CREATE INDEX notification_outbox_dead ON notification_outbox(bureau_id, id) WHERE status = 'dead';
CREATE INDEX notification_outbox_alert ON notification_outbox(alert_id);
CREATE INDEX notification_outbox_senior ON notification_outbox(senior_id) WHERE senior_id IS NOT NULL;

-- Every delivery attempt and its result, with the reason when it failed (no personal data: no addresses).
CREATE TABLE notification_attempts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outbox_id  bigint NOT NULL REFERENCES notification_outbox(id) ON DELETE CASCADE,
    at         timestamptz NOT NULL,
    outcome    text NOT NULL CHECK (outcome IN ('sent', 'delivered', 'failed')),
    reason     text
);
CREATE INDEX notification_attempts_outbox ON notification_attempts(outbox_id);

-- Per-bureau check-in and escalation settings.
-- checkin_window_seconds   how long the watch's "Are you OK?" waits for OK before staff are called (default 2 min).
-- second_prompt            ask once more before calling staff.
-- reminder_every_seconds   after the chain's last step, remind until someone acknowledges.
-- low_battery_percent      a low-battery alert by day below this level.
ALTER TABLE bureaus
    ADD COLUMN checkin_window_seconds integer NOT NULL DEFAULT 120 CHECK (checkin_window_seconds BETWEEN 15 AND 900),
    ADD COLUMN second_prompt          boolean NOT NULL DEFAULT false,
    ADD COLUMN reminder_every_seconds integer NOT NULL DEFAULT 300 CHECK (reminder_every_seconds BETWEEN 30 AND 86400),
    ADD COLUMN low_battery_percent    smallint NOT NULL DEFAULT 15 CHECK (low_battery_percent BETWEEN 1 AND 90);

-- A bureau's escalation chain for alarms (SOS, fall, inactivity): ordered steps, each after_seconds after the alert
-- opened to staff, to a kind of recipient (Storage/Escalation/ChainRecipients.cs); relative_order picks one contact
-- by their place in the senior's chain, webhook_id one webhook. The chain stops when someone acknowledges.
-- A bureau without rows uses the default chain (Monitoring/Escalation/DefaultChain.cs).
CREATE TABLE escalation_steps (
    bureau_id      uuid NOT NULL REFERENCES bureaus(id),
    position       smallint NOT NULL CHECK (position BETWEEN 1 AND 20),
    after_seconds  integer NOT NULL CHECK (after_seconds BETWEEN 0 AND 86400),
    recipient      text NOT NULL CHECK (recipient IN ('on-duty-staff', 'supervisors', 'relative', 'all-relatives', 'webhook')),
    relative_order smallint,
    webhook_id     uuid,
    PRIMARY KEY (bureau_id, position),
    CHECK ((recipient = 'relative') = (relative_order IS NOT NULL)),
    CHECK ((recipient = 'webhook') = (webhook_id IS NOT NULL))
);

-- The rota: staff on duty per shift. Nobody on duty means every staff member of the bureau is called.
CREATE TABLE staff_shifts (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bureau_id uuid NOT NULL REFERENCES bureaus(id),
    user_id   uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    starts_at timestamptz NOT NULL,
    ends_at   timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX staff_shifts_bureau ON staff_shifts(bureau_id, ends_at);

-- A senior's contacts (relatives, neighbours): in chain_order, with their language, channels and quiet hours
-- (quiet hours hold back non-urgent notifications only; urgent ones always go). user_id links a relative's
-- account when they have one.
CREATE TABLE senior_contacts (
    id          uuid PRIMARY KEY,
    senior_id   uuid NOT NULL REFERENCES seniors(id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    relation    text NOT NULL CHECK (length(relation) BETWEEN 1 AND 100),
    language    text NOT NULL CHECK (language IN ('en', 'de', 'zh')),
    email       text CHECK (length(email) <= 320),
    phone       text CHECK (length(phone) <= 40),
    chain_order smallint NOT NULL CHECK (chain_order BETWEEN 1 AND 20),
    channels    text[] NOT NULL DEFAULT '{email}',
    quiet_from  time,
    quiet_until time,
    user_id     uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (senior_id, chain_order),
    CHECK ((quiet_from IS NULL) = (quiet_until IS NULL))
);

-- Signed webhooks of a bureau (SMS/WeChat gateways). secret is protected with ASP.NET Core Data Protection
-- (never stored plain): the dispatcher needs it back to sign, so it cannot be a hash.
CREATE TABLE webhooks (
    id         uuid PRIMARY KEY,
    bureau_id  uuid NOT NULL REFERENCES bureaus(id),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    url        text NOT NULL CHECK (length(url) <= 2000),
    secret     text NOT NULL,
    enabled    boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL
);
CREATE INDEX webhooks_bureau ON webhooks(bureau_id);

-- Staff notification preferences (channels; quiet hours for non-urgent notifications).
ALTER TABLE users
    ADD COLUMN notify_channels text[] NOT NULL DEFAULT '{signalr,email}',
    ADD COLUMN quiet_from      time,
    ADD COLUMN quiet_until     time;
