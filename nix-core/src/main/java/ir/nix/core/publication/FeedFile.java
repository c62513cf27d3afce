package ir.nix.core.publication;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.service.ServiceCode;
import java.util.List;
import java.util.Optional;

/** A feed descriptor file as written ({@code feeds/identity-changes.yml}), bound by Jackson; rules checked on construction. */
record FeedFile(String code, String version, String provider, Titles titles, String legalBasis, String schedule,
                String subject, List<Item> items) {

    FeedFile {
        present(code, "code");
        present(version, "version");
        present(provider, "provider");
        present(titles, "titles");
        present(legalBasis, "legalBasis");
        present(schedule, "schedule");
        present(items, "items");
        new ServiceCode(code);
        new AgencyCode(provider);
    }

    record Titles(String en, String fa) {
        Titles {
            present(en, "titles.en");
            present(fa, "titles.fa");
        }
    }

    record Item(String name, FeedItem.Type type, Boolean required, String description, List<String> values) {
        Item {
            present(name, "name");
            present(type, "type");
            present(description, "description");
            new FeedItem(name, type, Boolean.TRUE.equals(required), description, values);
        }

        FeedItem toItem() {
            return new FeedItem(name, type, Boolean.TRUE.equals(required), description, values);
        }
    }

    FeedDescriptor toDescriptor() {
        return new FeedDescriptor(new ServiceCode(code), version, new AgencyCode(provider), titles.en(), titles.fa(),
                legalBasis, schedule, Optional.ofNullable(subject), items.stream().map(Item::toItem).toList());
    }

    private static void present(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("'" + name + "' is required");
        }
    }
}
