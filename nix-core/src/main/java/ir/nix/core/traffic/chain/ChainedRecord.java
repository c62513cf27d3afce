package ir.nix.core.traffic.chain;

import ir.nix.core.traffic.TrafficRecord;

/** A record as stored: its metadata and its link in the writing node's chain. */
public record ChainedRecord(TrafficRecord record, ChainLink link) {
}
