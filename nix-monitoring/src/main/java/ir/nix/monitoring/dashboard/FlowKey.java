package ir.nix.monitoring.dashboard;

import ir.nix.core.traffic.TrafficRecord;

/** One flow of exchanges: who asked which provider for which service, and how it ended. Null = unknown. */
record FlowKey(String service, String consumer, String provider, String outcome) {

    static FlowKey of(TrafficRecord record) {
        return new FlowKey(record.service(), record.consumer(), record.provider(), record.outcome());
    }
}
