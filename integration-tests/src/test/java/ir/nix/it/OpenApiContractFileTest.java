package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the integration tests generate their REST client from
 * ({@code src/contract/nix-openapi.json}) is the one the bus serves. Refresh it after a contract
 * change with {@code -Dnix.contract.write=true} and commit it.
 */
class OpenApiContractFileTest extends BusUnderTest {

    static final Path CONTRACT = Path.of("src", "contract", "nix-openapi.json");

    @Test
    void servesTheDocumentTheGeneratedClientIsBuiltFrom() throws IOException {
        String served = get("/api/v1/openapi.json").raw();
        if (Boolean.getBoolean("nix.contract.write")) {
            Files.writeString(CONTRACT, served);
        }

        assertThat(JSON.readTree(Files.readString(CONTRACT)))
                .as("%s differs from GET /api/v1/openapi.json: run this test with -Dnix.contract.write=true and commit "
                        + "the file", CONTRACT)
                .isEqualTo(JSON.readTree(served));
    }
}
