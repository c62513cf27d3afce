package ir.nix.policy.quota;

import ir.nix.policy.bundle.Quota;
import ir.nix.policy.calendar.Tehran;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class GrantQuotaTest {

    private static final ZoneId TEHRAN = Tehran.ZONE;
    /** 2024-06-01 23:59:59 in Tehran (+03:30), 20:29:59 UTC. */
    private static final Instant LAST_SECOND_OF_TEHRAN_DAY = Instant.parse("2024-06-01T20:29:59Z");

    @Test
    void needsNoCountersForAnUnlimitedGrant() {
        assertThat(GrantQuota.of(Quota.UNLIMITED, TEHRAN)).isEmpty();
    }

    @Test
    void letsABurstOfOneSecondsWorthPass() {
        GrantQuota quota = perSecond(10);

        List<Optional<GrantQuota.Exceeded>> results = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            results.add(quota.tryAcquire(LAST_SECOND_OF_TEHRAN_DAY));
        }

        assertThat(results.subList(0, 10)).allSatisfy(result -> assertThat(result).isEmpty());
        assertThat(results.get(10)).hasValueSatisfying(exceeded -> {
            assertThat(exceeded.limit()).isEqualTo("10 requests per second");
            assertThat(exceeded.retryAfter()).isEqualTo(Duration.ofMillis(100));
        });
    }

    @Test
    void spacesRequestsAtTheRateAfterABurst() {
        GrantQuota quota = perSecond(10);
        for (int i = 0; i < 10; i++) {
            quota.tryAcquire(LAST_SECOND_OF_TEHRAN_DAY);
        }

        assertThat(quota.tryAcquire(LAST_SECOND_OF_TEHRAN_DAY.plusMillis(100))).isEmpty();
        assertThat(quota.tryAcquire(LAST_SECOND_OF_TEHRAN_DAY.plusMillis(100))).isPresent();
    }

    @Test
    void startsANewDayAtTehranMidnightNotUtcMidnight() {
        GrantQuota quota = perDay(1);
        quota.tryAcquire(LAST_SECOND_OF_TEHRAN_DAY);

        Optional<GrantQuota.Exceeded> sameDay = quota.tryAcquire(LAST_SECOND_OF_TEHRAN_DAY);
        Optional<GrantQuota.Exceeded> nextDay = quota.tryAcquire(LAST_SECOND_OF_TEHRAN_DAY.plusSeconds(1));

        assertThat(sameDay).hasValueSatisfying(exceeded -> assertThat(exceeded.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(nextDay).isEmpty();
    }

    @Test
    void givesBackTheRateSlotWhenTheDailyLimitRefuses() {
        GrantQuota quota = GrantQuota.of(new Quota(OptionalInt.of(1), OptionalLong.of(1)), TEHRAN).orElseThrow();
        Instant at = Instant.parse("2024-06-01T08:00:00Z");
        quota.tryAcquire(at);
        quota.tryAcquire(at.plusSeconds(1));

        Optional<GrantQuota.Exceeded> again = quota.tryAcquire(at.plusSeconds(1));

        assertThat(again).hasValueSatisfying(exceeded -> assertThat(exceeded.limit()).isEqualTo("1 requests per day"));
    }

    @Test
    void countsExactlyTheDailyLimitUnderConcurrentUse() throws Exception {
        GrantQuota quota = perDay(1000);
        Instant at = Instant.parse("2024-06-01T08:00:00Z");
        Callable<Integer> client = () -> {
            int permitted = 0;
            for (int i = 0; i < 1000; i++) {
                permitted += quota.tryAcquire(at).isEmpty() ? 1 : 0;
            }
            return permitted;
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> clients = pool.invokeAll(List.of(client, client, client, client));

            int permitted = 0;
            for (Future<Integer> result : clients) {
                permitted += result.get();
            }
            assertThat(permitted).isEqualTo(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    private static GrantQuota perSecond(int limit) {
        return GrantQuota.of(new Quota(OptionalInt.of(limit), OptionalLong.empty()), TEHRAN).orElseThrow();
    }

    private static GrantQuota perDay(long limit) {
        return GrantQuota.of(new Quota(OptionalInt.empty(), OptionalLong.of(limit)), TEHRAN).orElseThrow();
    }
}
