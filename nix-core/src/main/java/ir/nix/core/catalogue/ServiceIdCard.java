package ir.nix.core.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.nix.core.ingress.soap.SoapContract;
import ir.nix.core.service.InputField;
import ir.nix.core.service.ServiceDescriptor;
import java.util.List;

/**
 * A service's ID card (شناسنامه خدمت, 003 Art. 9 and Part 3 Art. 2): its unique code, legal basis,
 * provider, what it needs and gives, identity requirements, process time (the provider timeout),
 * fee, and how to reach it on each channel. Built from the descriptor alone, so it cannot drift
 * from what the bus does.
 *
 * @param type    how the service is exchanged
 * @param fee     003 Art. 34: base services are free to agencies
 * @param outputs the data items a reply can carry; a grant selects among them ({@code persons.firstName}
 *                is the item {@code firstName} of each element of the list {@code persons})
 */
public record ServiceIdCard(String code, String version, Titles titles, String type, String legalBasis, String provider,
                            List<Input> inputs, List<String> outputs, String identityRequirements, String timeout,
                            long timeoutMillis, String fee, Channels channels, ServiceDescriptor.Example example) {

    static final String REST_PATH = "/api/v1/inquiries/";

    public record Titles(String fa, String en) {
    }

    public record Input(String name, String type, boolean required, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Channels(Rest rest, Soap soap) {
    }

    public record Rest(String method, String path) {
    }

    public record Soap(String endpoint, String operation, String wsdl) {
    }

    static ServiceIdCard of(ServiceDescriptor service) {
        String code = service.code().value();
        Soap soap = SoapContract.operation(code)
                .map(operation -> new Soap(SoapContract.ENDPOINT, operation, SoapContract.WSDL))
                .orElse(null);
        return new ServiceIdCard(code, service.version(), new Titles(service.titleFa(), service.titleEn()),
                "synchronous inquiry", service.legalBasis(), service.provider().value(),
                service.inputs().stream().map(ServiceIdCard::input).toList(), service.dataItems(), service.identity(),
                service.timeout().toString(), service.timeout().toMillis(), "free of charge (003 Art. 34)",
                new Channels(new Rest("POST", REST_PATH + code), soap), service.example());
    }

    private static Input input(InputField field) {
        return new Input(field.name(), field.type().fileName(), field.required(), field.description());
    }
}
