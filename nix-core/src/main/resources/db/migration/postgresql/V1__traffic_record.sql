-- 003 Art. 31.4: the centre keeps nothing but the traffic data of the exchanges.
-- Every column is metadata; none can hold a national code, name, address, mobile number or payload.
--
-- Partitioned by day on received_at, so retention drops whole partitions (no bulk DELETE, no bloat)
-- and a day's report scans one partition. Partitions are created ahead of time by the bus
-- (TrafficPartitions). The key includes received_at, as PostgreSQL requires of partitioned tables;
-- a redelivered record has the same tracking ID and arrival time, so inserts stay idempotent.
CREATE TABLE traffic_record (
    tracking_id         VARCHAR(36)    NOT NULL,
    parent_tracking_id  VARCHAR(36),
    caller_request_id   VARCHAR(64),
    channel             VARCHAR(16)    NOT NULL,
    consumer            VARCHAR(16),
    provider            VARCHAR(16),
    service             VARCHAR(48),
    service_version     VARCHAR(16),
    grant_id            VARCHAR(64),
    resolution_ref      VARCHAR(64),
    policy_version      VARCHAR(64),
    policy_hash         VARCHAR(64),
    decision            VARCHAR(16)    NOT NULL,
    outcome             VARCHAR(40)    NOT NULL,
    status              INT            NOT NULL,
    received_at         TIMESTAMPTZ(6) NOT NULL,
    forwarded_at        TIMESTAMPTZ(6),
    answered_at         TIMESTAMPTZ(6),
    total_micros        BIGINT         NOT NULL,
    provider_micros     BIGINT,
    request_bytes       INT            NOT NULL,
    reply_bytes         INT            NOT NULL,
    bus_node            VARCHAR(64)    NOT NULL,
    client_certificate  VARCHAR(64),
    subject_token       VARCHAR(64),
    PRIMARY KEY (tracking_id, received_at)
) PARTITION BY RANGE (received_at);

CREATE INDEX traffic_record_received ON traffic_record (received_at);
CREATE INDEX traffic_record_consumer ON traffic_record (consumer, received_at);
CREATE INDEX traffic_record_provider ON traffic_record (provider, received_at);
CREATE INDEX traffic_record_tracking ON traffic_record (tracking_id);
