package ir.nix.deploy.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnsafeMemoryAccessCheckTest {

    @Test
    void warnsOnlyOnJava24AndLaterWithoutTheOption() {
        assertThat(UnsafeMemoryAccessCheck.missing(17, List.of())).isFalse();
        assertThat(UnsafeMemoryAccessCheck.missing(25, List.of("-Xmx512m"))).isTrue();
        assertThat(UnsafeMemoryAccessCheck.missing(25, List.of(UnsafeMemoryAccessCheck.OPTION))).isFalse();
    }
}
