-- Exchange reports (003 Art. 31.5, 17, 36) read this, not traffic_record: one row per Asia/Tehran clock
-- hour and (consumer, provider, service, outcome, channel), with the count and a fixed latency
-- histogram, so a month's report sums a few hundred thousand rows however many records it covers.
-- Maintained by the bus (RollupAggregator): each closed hour is re-aggregated from traffic_record as a
-- whole and upserted, so repeating it - after a restart, on another node - writes the same row.
-- Metadata only, like traffic_record (003 Art. 31.4). Kept whatever the traffic retention: reports of
-- periods whose records are gone still answer. Unknown consumer/provider/service are ''.
-- Bucket bounds are LatencyHistogram.UPPER_MICROS (nix-monitoring); changing them changes this table.
CREATE TABLE traffic_rollup (
    hour_start   TIMESTAMP(6) WITH TIME ZONE NOT NULL,   -- start of the Tehran clock hour (half past a UTC hour)
    tehran_day   DATE          NOT NULL,   -- the Asia/Tehran calendar day of that hour
    consumer     VARCHAR(16)   NOT NULL,
    provider     VARCHAR(16)   NOT NULL,
    service      VARCHAR(48)   NOT NULL,
    outcome      VARCHAR(40)   NOT NULL,
    channel      VARCHAR(16)   NOT NULL,
    exchanges    BIGINT        NOT NULL,
    total_micros BIGINT        NOT NULL,   -- sum of time in the bus, for means
    max_micros   BIGINT        NOT NULL,
    lat_00       BIGINT        NOT NULL,   -- time in the bus <= 1 ms
    lat_01       BIGINT        NOT NULL,   -- time in the bus > 1 ms and <= 2 ms
    lat_02       BIGINT        NOT NULL,   -- time in the bus > 2 ms and <= 3 ms
    lat_03       BIGINT        NOT NULL,   -- time in the bus > 3 ms and <= 5 ms
    lat_04       BIGINT        NOT NULL,   -- time in the bus > 5 ms and <= 7.5 ms
    lat_05       BIGINT        NOT NULL,   -- time in the bus > 7.5 ms and <= 10 ms
    lat_06       BIGINT        NOT NULL,   -- time in the bus > 10 ms and <= 15 ms
    lat_07       BIGINT        NOT NULL,   -- time in the bus > 15 ms and <= 20 ms
    lat_08       BIGINT        NOT NULL,   -- time in the bus > 20 ms and <= 30 ms
    lat_09       BIGINT        NOT NULL,   -- time in the bus > 30 ms and <= 50 ms
    lat_10       BIGINT        NOT NULL,   -- time in the bus > 50 ms and <= 75 ms
    lat_11       BIGINT        NOT NULL,   -- time in the bus > 75 ms and <= 100 ms
    lat_12       BIGINT        NOT NULL,   -- time in the bus > 100 ms and <= 150 ms
    lat_13       BIGINT        NOT NULL,   -- time in the bus > 150 ms and <= 200 ms
    lat_14       BIGINT        NOT NULL,   -- time in the bus > 200 ms and <= 300 ms
    lat_15       BIGINT        NOT NULL,   -- time in the bus > 300 ms and <= 500 ms
    lat_16       BIGINT        NOT NULL,   -- time in the bus > 500 ms and <= 750 ms
    lat_17       BIGINT        NOT NULL,   -- time in the bus > 750 ms and <= 1 s
    lat_18       BIGINT        NOT NULL,   -- time in the bus > 1 s and <= 1.5 s
    lat_19       BIGINT        NOT NULL,   -- time in the bus > 1.5 s and <= 2 s
    lat_20       BIGINT        NOT NULL,   -- time in the bus > 2 s and <= 3 s
    lat_21       BIGINT        NOT NULL,   -- time in the bus > 3 s and <= 5 s
    lat_22       BIGINT        NOT NULL,   -- time in the bus > 5 s and <= 10 s
    lat_23       BIGINT        NOT NULL,   -- time in the bus > 10 s and <= 30 s
    lat_24       BIGINT        NOT NULL,   -- time in the bus > 30 s
    PRIMARY KEY (hour_start, consumer, provider, service, outcome, channel)
);

-- Agency-scoped reports filter on consumer or provider within a period.
CREATE INDEX traffic_rollup_consumer ON traffic_rollup (consumer, hour_start);
CREATE INDEX traffic_rollup_provider ON traffic_rollup (provider, hour_start);

-- Every hour before complete_before is in traffic_rollup; reports read later hours from traffic_record.
-- It only moves forward, in the same transaction as the hour that moves it.
CREATE TABLE traffic_rollup_progress (
    id               INT           NOT NULL PRIMARY KEY CHECK (id = 1),
    complete_before  TIMESTAMP(6) WITH TIME ZONE
);
INSERT INTO traffic_rollup_progress (id, complete_before) VALUES (1, NULL);
