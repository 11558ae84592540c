-- Lower-severity wellbeing insights (routine drift), shown apart from emergencies.
CREATE TABLE insights (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    senior_id   uuid NOT NULL REFERENCES seniors(id),
    kind        text NOT NULL,
    created_at  timestamptz NOT NULL,
    summary     text NOT NULL,
    details     jsonb NOT NULL,
    status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed'))
);
CREATE INDEX insights_open ON insights(senior_id, kind) WHERE status = 'open';
