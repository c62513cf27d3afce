package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The contracts the integration tests generate their clients from ({@code src/contract/nix-openapi.json}
 * for openapi-generator, {@code src/contract/nix-inquiry.wsdl} for CXF wsdl2java) are the ones the bus
 * serves. Both are written from the service descriptors at start; refresh the copies after a contract
 * change with {@code -Dnix.contract.write=true} and commit them.
 */
class ContractFilesTest extends BusUnderTest {

    static final Path OPENAPI = Path.of("src", "contract", "nix-openapi.json");
    static final Path WSDL = Path.of("src", "contract", "nix-inquiry.wsdl");

    @Test
    void servesTheOpenApiDocumentTheRestClientIsBuiltFrom() throws IOException {
        assertCommitted(OPENAPI, get("/api/v1/openapi.json").raw(), text -> JSON.readTree(text).toPrettyString());
    }

    @Test
    void servesTheWsdlTheSoapClientIsBuiltFrom() throws IOException {
        // The served address names this bus's port; the copy names the demo's.
        String served = get("/soap/inquiry?wsdl").raw()
                .replace("http://127.0.0.1:" + port + "/soap/inquiry", "http://localhost:8080/soap/inquiry")
                .replace("http://localhost:" + port + "/soap/inquiry", "http://localhost:8080/soap/inquiry");

        assertCommitted(WSDL, served, text -> text.strip().replace("\r\n", "\n"));
    }

    /** {@code copy} holds {@code served}, as compared in {@code canonical} form; written first when asked to. */
    private static void assertCommitted(Path copy, String served, UnaryOperator<String> canonical) throws IOException {
        if (Boolean.getBoolean("nix.contract.write")) {
            Files.writeString(copy, served);
        }

        assertThat(canonical.apply(Files.readString(copy)))
                .as("%s differs from what the bus serves: run ContractFilesTest with -Dnix.contract.write=true and "
                        + "commit the file", copy)
                .isEqualTo(canonical.apply(served));
    }
}
