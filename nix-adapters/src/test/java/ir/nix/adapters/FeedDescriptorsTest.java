package ir.nix.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.publication.FeedCatalog;
import ir.nix.core.publication.FeedDescriptor;
import org.junit.jupiter.api.Test;

/** The feeds the providers publish, as their descriptor files declare them. */
class FeedDescriptorsTest {

    private final FeedCatalog feeds = FeedCatalog.read(FeedCatalog.DEFAULT_LOCATION);

    @Test
    void declaresNocrsTwoTokenisedFeedsAndIposList() {
        assertThat(feeds.all()).extracting(feed -> feed.code().value() + "@" + feed.provider().value())
                .containsExactly("deaths@NOCR", "identity-changes@NOCR", "privatization-list@IPO");
        assertThat(feeds.find("identity-changes").orElseThrow().deliveredItems()).containsExactly("token", "changeDate");
        assertThat(feeds.find("privatization-list")).get().extracting(FeedDescriptor::tokenised).isEqualTo(false);
    }
}
