package ir.nix.core.readiness;

/**
 * SPI: work done once at start, before the node reports itself ready, so that the first inquiry after
 * readiness is as fast as the hundredth (issue 11): class loading, JIT-cold code paths, JAXB and Jackson
 * contexts, connection setup. A warm-up never sends an inquiry to a provider, never writes a traffic record
 * and never touches personal data: it works on the descriptors' synthetic examples only.
 */
public interface WarmUp {

    /** What is warmed, for the start-up log ({@code rest-ingress}, {@code provider-connections}). */
    String name();

    /** Does the work; a failure is logged by its type and never stops the node from starting. */
    void warm();
}
