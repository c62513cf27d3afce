package ir.nix.monitoring.dashboard;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.traffic.TrafficRecord;
import java.util.Objects;

/** One flow of exchanges: who asked which provider for which service, and how it ended. Null = unknown. */
record FlowKey(String service, String consumer, String provider, OutcomeCode outcome) {

    static FlowKey of(TrafficRecord record) {
        return new FlowKey(code(record.service()), code(record.consumer()), code(record.provider()), record.outcome());
    }

    /** Operators see agencies and services by their codes; null stays null (not identified, unknown). */
    static String code(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
