package ir.nix.policy.grant;

import ir.nix.policy.BundleIdentity;
import ir.nix.policy.GrantCondition;
import ir.nix.policy.bundle.Grant;
import ir.nix.policy.bundle.PolicyBundle;
import ir.nix.policy.bundle.Quota;
import ir.nix.policy.calendar.Tehran;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Builds grants and bundles in code for decision tests: MOE's SHAHKAR grant unless told otherwise. */
final class TestGrant {

    static final BundleIdentity BUNDLE = new BundleIdentity("test", "0".repeat(64));

    private String id = "moe-shahkar";
    private String consumer = "MOE";
    private String service = "shahkar";
    private String provider = "CRA";
    private Set<String> items = Set.of("matched");
    private LocalDate validFrom;
    private LocalDate validUntil;
    private boolean revoked;
    private Quota quota = Quota.UNLIMITED;
    private List<GrantCondition> conditions = List.of();
    private Set<String> onBehalfOf = Set.of();

    static TestGrant grant(String id) {
        TestGrant grant = new TestGrant();
        grant.id = id;
        return grant;
    }

    TestGrant to(String consumer, String service, String provider, Set<String> items) {
        this.consumer = consumer;
        this.service = service;
        this.provider = provider;
        this.items = items;
        return this;
    }

    TestGrant validFrom(String isoDate) {
        validFrom = LocalDate.parse(isoDate);
        return this;
    }

    TestGrant validUntil(String isoDate) {
        validUntil = LocalDate.parse(isoDate);
        return this;
    }

    TestGrant revoked() {
        revoked = true;
        return this;
    }

    TestGrant perSecond(int limit) {
        quota = new Quota(OptionalInt.of(limit), quota.perDay());
        return this;
    }

    TestGrant perDay(long limit) {
        quota = new Quota(quota.perSecond(), OptionalLong.of(limit));
        return this;
    }

    TestGrant conditions(GrantCondition... conditions) {
        this.conditions = List.of(conditions);
        return this;
    }

    TestGrant onBehalfOf(String... parties) {
        onBehalfOf = Set.of(parties);
        return this;
    }

    Grant build() {
        return new Grant(id, "WG-26/1400-08-18", consumer, service, provider, items, Optional.ofNullable(validFrom),
                Optional.ofNullable(validUntil), revoked, quota, "", conditions, onBehalfOf, false);
    }

    static PolicyBundle bundleOf(TestGrant... grants) {
        return bundleOf(BUNDLE, grants);
    }

    static PolicyBundle bundleOf(BundleIdentity identity, TestGrant... grants) {
        return new PolicyBundle(identity, "", Map.of(), Map.of(), Map.of(),
                Arrays.stream(grants).map(TestGrant::build).toList());
    }

    /** The instant of a wall-clock time in Tehran, e.g. {@code 2024-01-01T00:00}. */
    static Instant tehran(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Tehran.ZONE).toInstant();
    }
}
