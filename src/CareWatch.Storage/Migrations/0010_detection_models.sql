-- Versioned inactivity models. Exactly one is in service (status 'promoted') at a time; a candidate that
-- evaluates worse than the one in service is kept as 'rejected' with its figures, for the record.
CREATE TABLE detection_models (
    version             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at          timestamptz NOT NULL,
    status              text NOT NULL CHECK (status IN ('candidate', 'promoted', 'retired', 'rejected')),
    trained_people      integer NOT NULL,
    trained_days        double precision NOT NULL,
    training_seconds    double precision NOT NULL,
    evaluation          jsonb NOT NULL,
    population_profile  double precision[] NOT NULL,
    population_still    double precision[] NOT NULL,
    model               bytea NOT NULL,
    promoted_at         timestamptz
);
CREATE UNIQUE INDEX detection_models_one_promoted ON detection_models(status) WHERE status = 'promoted';
