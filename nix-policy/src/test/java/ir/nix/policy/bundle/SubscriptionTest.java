package ir.nix.policy.bundle;

import ir.nix.policy.FeedVocabulary;
import ir.nix.policy.FeedVocabulary.FeedTerms;
import ir.nix.policy.TestVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Subscriptions to publication feeds are declared in grants.yaml the way grants are, and checked as strictly. */
class SubscriptionTest {

    private static final FeedVocabulary FEEDS = code -> code.equals("privatization-list")
            ? Optional.of(new FeedTerms(code, "IPO", Set.of("enterpriseNationalId", "status", "lastEntryDate")))
            : Optional.empty();

    private static final String SUBSCRIPTION = """
            subscriptions:
              - id: sso-privatization-list
                resolution: WG-26/1400-08-18
                subscriber: SSO
                feed: privatization-list
                provider: IPO
                dataItems: [enterpriseNationalId, status]
                validFrom: 2021-11-14
                validUntil: 2031-11-13
                purpose: The insurance-list condition needs the list
            """;

    @TempDir
    Path directory;

    @Test
    void readsASubscriptionBesideTheGrants() {
        BundleDirectory.minimal(directory).append(PolicyBundleLoader.GRANTS, SUBSCRIPTION);

        PolicyBundle bundle = load();

        assertThat(bundle.subscriptions()).singleElement().satisfies(subscription -> {
            assertThat(subscription.subscriber()).isEqualTo("SSO");
            assertThat(subscription.dataItems()).containsExactly("enterpriseNationalId", "status");
        });
    }

    @Test
    void deliversOnlyWhileTheSubscriptionIsInForce() {
        BundleDirectory.minimal(directory).append(PolicyBundleLoader.GRANTS, SUBSCRIPTION);

        PolicyBundle bundle = load();

        assertThat(bundle.subscribersOn("IPO", "privatization-list", LocalDate.of(2025, 1, 1))).hasSize(1);
        assertThat(bundle.subscribersOn("IPO", "privatization-list", LocalDate.of(2021, 11, 13))).isEmpty();
        assertThat(bundle.subscribersOn("IPO", "privatization-list", LocalDate.of(2031, 11, 14))).isEmpty();
        assertThat(bundle.subscribersOn("SSO", "privatization-list", LocalDate.of(2025, 1, 1))).isEmpty();
    }

    @Test
    void rejectsAnUnknownFeedAWrongProviderAndAnItemTheFeedDoesNotCarry() {
        BundleDirectory.minimal(directory).append(PolicyBundleLoader.GRANTS, SUBSCRIPTION
                + SUBSCRIPTION.replace("subscriptions:\n", "").replace("id: sso-", "id: other-")
                        .replace("provider: IPO", "provider: SSO").replace("status]", "nationalCode]")
                + SUBSCRIPTION.replace("subscriptions:\n", "").replace("id: sso-", "id: third-")
                        .replace("feed: privatization-list", "feed: weather"));

        assertThatThrownBy(this::load).isInstanceOf(BundleRejected.class)
                .hasMessageContaining("feed 'privatization-list' is published by 'IPO', not 'SSO'")
                .hasMessageContaining("unknown data item 'nationalCode' of feed 'privatization-list'")
                .hasMessageContaining("unknown feed 'weather'");
    }

    @Test
    void rejectsASubscriptionDefinedTwice() {
        BundleDirectory.minimal(directory).append(PolicyBundleLoader.GRANTS,
                SUBSCRIPTION + SUBSCRIPTION.replace("subscriptions:\n", ""));

        assertThatThrownBy(this::load).isInstanceOf(BundleRejected.class)
                .hasMessageContaining("subscription 'sso-privatization-list' is defined twice");
    }

    private PolicyBundle load() {
        return new PolicyBundleLoader(TestVocabulary.BUS_SERVICES, FEEDS, false).load(BundleLocation.parse(directory.toString()));
    }
}
