-- Tamper evidence (architecture section 4; docs/traffic-integrity.md). Each record is a link in the hash
-- chain of the bus node that wrote it: chain_hash = SHA-256(previous chain_hash || canonical form).
-- The chain fields are hashes and counters of metadata: they add no content (003 Art. 31.4).
-- Records stored before this migration keep NULL chain fields and are outside every chain.
-- Adding nullable columns without a default only changes the catalogue: no partition is rewritten.
ALTER TABLE traffic_record ADD COLUMN chain_node VARCHAR(64);
ALTER TABLE traffic_record ADD COLUMN chain_seq BIGINT;
ALTER TABLE traffic_record ADD COLUMN chain_hash VARCHAR(64);

-- Not unique: a unique index on a partitioned table must include the partition key (received_at),
-- and (chain_node, chain_seq, received_at) would not stop a second record at the same position.
-- Uniqueness holds by construction instead: one writer per node numbers its records inside the
-- transaction that stores them, from a head it alone advances; and verify reports a duplicate
-- position as an INSERTED record. The index serves the writer's head lookup and verify's walk.
CREATE INDEX traffic_record_chain ON traffic_record (chain_node, chain_seq);

-- A node's chain head, signed with the bus key at an interval (detached CMS SignedData, DER, over the
-- checkpoint's canonical text). Not partitioned and kept whatever the traffic retention: a row a
-- minute per node, and the audit trail that outlives the records.
CREATE TABLE traffic_checkpoint (
    chain_node          VARCHAR(64)    NOT NULL,
    chain_seq           BIGINT         NOT NULL,
    head_hash           VARCHAR(64)    NOT NULL,
    record_count        BIGINT         NOT NULL,
    created_at          TIMESTAMPTZ(6) NOT NULL,
    signature           BYTEA          NOT NULL,
    signer_certificate  TEXT           NOT NULL,
    PRIMARY KEY (chain_node, chain_seq)
);
