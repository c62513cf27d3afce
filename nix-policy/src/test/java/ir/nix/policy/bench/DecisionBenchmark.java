package ir.nix.policy.bench;

import ir.nix.policy.Decision;
import ir.nix.policy.DecisionRequest;
import ir.nix.policy.TestVocabulary;
import ir.nix.policy.bundle.BundleLocation;
import ir.nix.policy.bundle.Grant;
import ir.nix.policy.bundle.PolicyBundle;
import ir.nix.policy.bundle.PolicyBundleLoader;
import ir.nix.policy.bundle.Quota;
import ir.nix.policy.grant.GrantDecider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one policy decision on the shipped bundle (with demo grants) plus 1000 synthetic grants.
 *
 * <pre>cd /work/main &amp;&amp; mvn -q -pl nix-policy -Pjmh test-compile exec:exec</pre>
 * (options via {@code -Djmh.args="DecisionBenchmark -f 2 -wi 3 -i 3"}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecisionBenchmark {

    private static final List<String[]> SERVICES = List.of(
            new String[] {"shahkar", "CRA", "matched"},
            new String[] {"postal-address", "POST", "city"},
            new String[] {"identity", "NOCR", "firstName"},
            new String[] {"insurance-list", "SSO", "persons.firstName"},
            new String[] {"privatization-status", "IPO", "status"});
    private static final Instant START = Instant.parse("2025-01-01T08:00:00Z");

    private GrantDecider decider;
    private DecisionRequest moeShahkar;
    private long nanos;

    @Setup
    public void setUp() {
        PolicyBundle shipped = new PolicyBundleLoader(TestVocabulary.BUS_SERVICES, TestVocabulary.BUS_FEEDS, true).load(BundleLocation.DEFAULT);
        List<Grant> grants = new ArrayList<>(shipped.grants());
        for (int i = 0; i < 1000; i++) {
            String[] service = SERVICES.get(i % SERVICES.size());
            grants.add(new Grant("synthetic-" + i, "WG-26/1400-08-18", String.format("SYN%03d", i / SERVICES.size()),
                    service[0], service[1], Set.of(service[2]), Optional.empty(), Optional.empty(), false,
                    i == 0 ? new Quota(OptionalInt.of(1_000_000), OptionalLong.of(Long.MAX_VALUE / 2)) : Quota.UNLIMITED,
                    "", List.of(), Set.of(), false));
        }
        decider = GrantDecider.of(new PolicyBundle(shipped.identity(), "", shipped.agencies(), shipped.resolutions(),
                shipped.declaredServices(), grants));
        moeShahkar = DecisionRequest.of("MOE", "shahkar", "CRA", START);
        requirePermit(decider.decide(moeShahkar));
        requirePermit(decider.decide(DecisionRequest.of("SYN000", "shahkar", "CRA", START)));
    }

    /** A benchmark of a refusal by mistake would measure the wrong path. */
    private static void requirePermit(Decision decision) {
        if (!(decision instanceof Decision.Permit)) {
            throw new IllegalStateException("benchmark request refused: " + decision);
        }
    }

    /** MOE asks for SHAHKAR: a 26th-session grant without quota. */
    @Benchmark
    public Decision permit() {
        return decider.decide(moeShahkar);
    }

    /** A grant with a per-second rate and a daily limit; the clock advances 1 µs per request, within the rate. */
    @Benchmark
    public Decision permitWithQuota() {
        nanos += 1_000;
        return decider.decide(DecisionRequest.of("SYN000", "shahkar", "CRA", START.plusNanos(nanos)));
    }
}
