-- Tamper evidence (architecture section 4; docs/traffic-integrity.md). Each record is a link in the hash
-- chain of the bus node that wrote it: chain_hash = SHA-256(previous chain_hash || canonical form).
-- The chain fields are hashes and counters of metadata: they add no content (003 Art. 31.4).
-- Records stored before this migration keep NULL chain fields and are outside every chain.
ALTER TABLE traffic_record ADD COLUMN chain_node VARCHAR(64);
ALTER TABLE traffic_record ADD COLUMN chain_seq BIGINT;
ALTER TABLE traffic_record ADD COLUMN chain_hash VARCHAR(64);

-- Unique: a second record at one position of a chain is refused outright (NULLs, the unchained
-- records, are distinct from each other). The writer reads its head through this index.
CREATE UNIQUE INDEX traffic_record_chain ON traffic_record (chain_node, chain_seq);

-- A node's chain head, signed with the bus key at an interval (detached CMS SignedData, DER, over the
-- checkpoint's canonical text). Kept whatever the traffic retention: checkpoints are the audit trail.
CREATE TABLE traffic_checkpoint (
    chain_node          VARCHAR(64)      NOT NULL,
    chain_seq           BIGINT           NOT NULL,
    head_hash           VARCHAR(64)      NOT NULL,
    record_count        BIGINT           NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    signature           VARBINARY(65536) NOT NULL,
    signer_certificate  VARCHAR(16384)   NOT NULL,
    PRIMARY KEY (chain_node, chain_seq)
);
