-- Azure IoT Hub mode: how far each partition of the hub's Event Hubs-compatible endpoint has been
-- stored. Written only after the events up to it were committed, so a restart re-reads at most the
-- events since (and de-duplication by device sequence absorbs them).
CREATE TABLE hub_checkpoints (
    consumer_group   text NOT NULL,
    partition_id     text NOT NULL,
    sequence_number  bigint NOT NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (consumer_group, partition_id)
);
