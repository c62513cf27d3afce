package ir.nix.core.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the service descriptor files, one YAML file per service ({@code services/<code>.yml} on
 * the class path, beside the adapter that serves it). A file that breaks a rule stops the start
 * with the file, the line and the rule: a bus with a wrong service is worse than no bus.
 */
public final class ServiceDescriptorFiles {

    /** Every {@code services/*.yml} on the class path: the adapters' jar holds the five of v1. */
    public static final String DEFAULT_LOCATION = "classpath*:services/*.yml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ServiceDescriptorFiles() {
    }

    /** The descriptors found at {@code locations} (resource patterns), in file-name order per location. */
    public static List<ServiceDescriptor> read(List<String> locations) {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<ServiceDescriptor> descriptors = new ArrayList<>();
        for (String location : locations) {
            try {
                Resource[] files = resolver.getResources(location);
                Arrays.sort(files, Comparator.comparing(Resource::getFilename));
                for (Resource file : files) {
                    descriptors.add(read(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("service descriptors at " + location + " cannot be listed", e);
            }
        }
        return List.copyOf(descriptors);
    }

    static ServiceDescriptor read(Resource file) {
        String name = "services/" + file.getFilename();
        try (InputStream in = file.getInputStream()) {
            ServiceDescriptor descriptor = YAML.readValue(in, DescriptorFile.class).toDescriptor();
            String expected = descriptor.code() + ".yml";
            if (!expected.equals(file.getFilename())) {
                throw new IllegalStateException("service descriptor " + name + " describes service " + descriptor.code()
                        + "; name the file " + expected);
            }
            return descriptor;
        } catch (JacksonException broken) {
            throw new IllegalStateException("service descriptor " + name + ", line " + line(broken.getLocation()) + ": "
                    + reason(broken));
        } catch (IOException e) {
            throw new UncheckedIOException("service descriptor " + name + " cannot be read", e);
        }
    }

    private static String line(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 0 ? "?" : String.valueOf(location.getLineNr());
    }

    /** The rule broken: a constructor's own message, else Jackson's without its source excerpt. */
    private static String reason(JacksonException broken) {
        if (broken instanceof ValueInstantiationException && broken.getCause() instanceof IllegalArgumentException rule) {
            return rule.getMessage();
        }
        if (broken.getCause() instanceof IllegalArgumentException rule) {
            return rule.getMessage();
        }
        return broken.getOriginalMessage();
    }
}
