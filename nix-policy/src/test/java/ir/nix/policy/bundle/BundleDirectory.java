package ir.nix.policy.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A bundle written to a temporary directory, file by file, for tests that need broken or changed bundles. */
public final class BundleDirectory {

    public static final String BUNDLE = """
            version: "test-1"
            """;

    public static final String AGENCIES = """
            agencies:
              - code: CRA
                name: {fa: سازمان تنظیم مقررات و ارتباطات رادیویی, en: Communications Regulatory Authority}
                clusters: [communications-and-information]
              - code: POST
                name: {fa: شرکت ملی پست, en: Iran Post Company}
              - code: MOE
                name: {fa: وزارت نیرو, en: Ministry of Energy}
                clusters: [energy]
              - code: IRCS
                name: {fa: جمعیت هلال‌احمر, en: Iranian Red Crescent Society}
              - code: SSO
                name: {fa: سازمان تأمین اجتماعی, en: Social Security Organization}
              - code: IPO
                name: {fa: سازمان خصوصی‌سازی, en: Privatization Organization}
              - code: TVTO
                name: {fa: سازمان آموزش فنی و حرفه‌ای, en: Technical and Vocational Training Organization}
            """;

    public static final String RESOLUTIONS = """
            resolutions:
              - id: WG-26/1400-08-18
                body: Government e-Interoperability Working Group
                session: 26
                date: 1400/08/18
                letter: {number: 127551/200, date: 1400/08/23}
            """;

    public static final String GRANTS = "grants:\n"
            + grant("moe-shahkar", "MOE", "shahkar", "CRA", "[matched]")
            + grant("ircs-postal-address", "IRCS", "postal-address", "POST", "[province, city]",
                    "validFrom: 2021-11-14");

    /**
     * One entry of grants.yaml under resolution WG-26/1400-08-18, indented to follow {@code grants:} or to be
     * appended to {@link #GRANTS}; {@code more} are further keys, one a line ({@code "validFrom: 2023-03-21"}).
     */
    public static String grant(String id, String consumer, String service, String provider, String dataItems,
                               String... more) {
        StringBuilder entry = new StringBuilder("  - id: " + id + "\n    resolution: WG-26/1400-08-18\n")
                .append("    consumer: ").append(consumer).append("\n    service: ").append(service)
                .append("\n    provider: ").append(provider).append("\n    dataItems: ").append(dataItems).append('\n');
        for (String line : more) {
            entry.append("    ").append(line).append('\n');
        }
        return entry.toString();
    }

    private final Path directory;

    private BundleDirectory(Path directory) {
        this.directory = directory;
    }

    /** A small valid bundle: two grants, no services.yaml, no demo grants. */
    public static BundleDirectory minimal(Path directory) {
        return new BundleDirectory(directory)
                .write(PolicyBundleLoader.BUNDLE, BUNDLE)
                .write(PolicyBundleLoader.AGENCIES, AGENCIES)
                .write(PolicyBundleLoader.RESOLUTIONS, RESOLUTIONS)
                .write(PolicyBundleLoader.GRANTS, GRANTS);
    }

    /** A copy of the bundle shipped on the classpath. */
    public static BundleDirectory copyOfDefault(Path directory) {
        BundleDirectory copy = new BundleDirectory(directory);
        for (String file : List.of(PolicyBundleLoader.BUNDLE, PolicyBundleLoader.AGENCIES, PolicyBundleLoader.RESOLUTIONS,
                PolicyBundleLoader.SERVICES, PolicyBundleLoader.GRANTS, PolicyBundleLoader.DEMO_GRANTS)) {
            try {
                copy.write(file, new String(BundleLocation.DEFAULT.read(file).orElseThrow(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return copy;
    }

    public BundleDirectory write(String file, String content) {
        try {
            Files.writeString(directory.resolve(file), content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BundleDirectory append(String file, String content) {
        return write(file, read(file) + content);
    }

    public String read(String file) {
        try {
            return Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BundleDirectory delete(String file) {
        try {
            Files.deleteIfExists(directory.resolve(file));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return directory;
    }

    public BundleLocation location() {
        return new BundleLocation.Directory(directory);
    }

    /** The 1-based line of the first line of {@code content} that contains {@code marker}. */
    public static int lineOf(String content, String marker) {
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line contains '" + marker + "'");
    }
}
