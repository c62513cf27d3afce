package ir.nix.core.service;

import ir.nix.core.agency.AgencyCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;

/**
 * A service descriptor file as written ({@code services/shahkar.yml}), bound by Jackson. Every rule
 * is checked in a constructor, so that Jackson reports a broken one with the file's line.
 */
record DescriptorFile(String code, String version, String provider, Titles titles, String legalBasis, String identity,
                      String timeout, Boolean idempotent, List<Input> inputs, List<Output> outputs, Example example) {

    DescriptorFile {
        present(code, "code");
        present(version, "version");
        present(provider, "provider");
        present(titles, "titles");
        present(legalBasis, "legalBasis");
        present(identity, "identity");
        present(timeout, "timeout");
        present(idempotent, "idempotent");
        present(inputs, "inputs");
        present(outputs, "outputs");
        present(example, "example");
        new ServiceCode(code);
        new AgencyCode(provider);
        DurationStyle.detectAndParse(timeout);
        for (String name : example.request().keySet()) {
            if (inputs.stream().noneMatch(input -> input.name().equals(name))) {
                throw new IllegalArgumentException("example names '" + name + "', which is not an input");
            }
        }
    }

    record Titles(String en, String fa) {
        Titles {
            present(en, "titles.en");
            present(fa, "titles.fa");
        }
    }

    record Input(String name, FieldType type, Boolean required, Boolean dataSubject, String description, String pattern,
                 List<String> values) {
        Input {
            present(name, "name");
            present(type, "type");
            present(required, "required");
            present(description, "description");
            new InputField(name, type, required, Boolean.TRUE.equals(dataSubject), description, pattern, values);
        }

        InputField toField() {
            return new InputField(name, type, required, Boolean.TRUE.equals(dataSubject), description, pattern, values);
        }
    }

    record Output(String name, OutputItem.Type type, String description, List<String> values, List<Output> items,
                  Boolean grantedWhole) {
        Output {
            toItem(name, type, description, values, items, grantedWhole);
        }

        OutputItem toItem() {
            return toItem(name, type, description, values, items, grantedWhole);
        }

        private static OutputItem toItem(String name, OutputItem.Type type, String description, List<String> values,
                                         List<Output> items, Boolean grantedWhole) {
            present(name, "name");
            present(type, "type");
            present(description, "description");
            List<OutputItem> nested = items == null ? List.of() : items.stream().map(Output::toItem).toList();
            return new OutputItem(name, type, description, values, nested, Boolean.TRUE.equals(grantedWhole));
        }
    }

    record Example(String consumer, Map<String, String> request) {
        Example {
            present(consumer, "example.consumer");
            present(request, "example.request");
            new AgencyCode(consumer);
        }
    }

    ServiceDescriptor toDescriptor() {
        return new ServiceDescriptor(new ServiceCode(code), version, new AgencyCode(provider), titles.en(), titles.fa(),
                legalBasis, inputs.stream().map(Input::toField).toList(),
                outputs.stream().map(Output::toItem).toList(), DurationStyle.detectAndParse(timeout), idempotent,
                identity, new ServiceDescriptor.Example(example.consumer(), example.request()));
    }

    private static void present(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("'" + name + "' is required");
        }
    }
}
