package ir.nix.core.publication;

import ir.nix.policy.FeedVocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The publication feeds the bus carries, read from the feed descriptor files ({@code feeds/*.yml} on the
 * class path, beside the providers' adapters). A broken file stops the start naming the file and the
 * rule. Also the policy's {@link FeedVocabulary}: subscriptions are checked against these feeds.
 */
public final class FeedCatalog implements FeedVocabulary {

    public static final String DEFAULT_LOCATION = "classpath*:feeds/*.yml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<String, FeedDescriptor> feeds;

    public FeedCatalog(Collection<FeedDescriptor> feeds) {
        Map<String, FeedDescriptor> byCode = new LinkedHashMap<>();
        feeds.forEach(feed -> {
            if (byCode.putIfAbsent(feed.code().value(), feed) != null) {
                throw new IllegalStateException("feed " + feed.code() + " is described twice");
            }
        });
        this.feeds = Map.copyOf(byCode);
    }

    /** The feeds described at {@code location} (a resource pattern). */
    public static FeedCatalog read(String location) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(location);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            return new FeedCatalog(Arrays.stream(files).map(FeedCatalog::read).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("feed descriptors at " + location + " cannot be listed", e);
        }
    }

    private static FeedDescriptor read(Resource file) {
        String name = "feeds/" + file.getFilename();
        try (InputStream in = file.getInputStream()) {
            FeedDescriptor feed = YAML.readValue(in, FeedFile.class).toDescriptor();
            if (!(feed.code().value() + ".yml").equals(file.getFilename())) {
                throw new IllegalStateException("feed descriptor " + name + " describes feed " + feed.code()
                        + "; name the file " + feed.code().value() + ".yml");
            }
            return feed;
        } catch (JacksonException broken) {
            String rule = broken.getCause() instanceof IllegalArgumentException cause ? cause.getMessage()
                    : broken.getOriginalMessage();
            int line = broken.getLocation() == null ? -1 : broken.getLocation().getLineNr();
            throw new IllegalStateException("feed descriptor " + name + ", line " + line + ": " + rule);
        } catch (IOException e) {
            throw new UncheckedIOException("feed descriptor " + name + " cannot be read", e);
        }
    }

    public Collection<FeedDescriptor> all() {
        return feeds.values().stream().sorted(Comparator.comparing(feed -> feed.code().value())).toList();
    }

    public Optional<FeedDescriptor> find(String code) {
        return Optional.ofNullable(feeds.get(code));
    }

    @Override
    public Optional<FeedTerms> feed(String feedCode) {
        return find(feedCode).map(feed -> new FeedTerms(feed.code().value(), feed.provider().value(),
                java.util.Set.copyOf(feed.deliveredItems())));
    }
}
