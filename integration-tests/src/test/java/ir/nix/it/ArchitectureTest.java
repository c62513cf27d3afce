package ir.nix.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of architecture.md section 2 that the compiler cannot hold: a service is a
 * descriptor file plus an adapter that only maps protocols, the core names no provider, and no module's
 * packages depend on each other in a circle.
 */
@AnalyzeClasses(packages = "ir.nix", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Simulators are the demo's stand-ins; production adapters take nothing from them (examples are in the descriptor files). */
    @ArchTest
    static final ArchRule adaptersDoNotImportSimulators = noClasses()
            .that().resideInAPackage("ir.nix.adapters..")
            .and().resideOutsideOfPackage("ir.nix.adapters.simulator..")
            .should().dependOnClassesThat().resideInAPackage("ir.nix.adapters.simulator..")
            .because("adapters only map protocols; the catalogue's examples come from the descriptor files");

    /** nix-core defines the SPIs; nothing in it knows a service or provider by name. */
    @ArchTest
    static final ArchRule coreNamesNoAdapter = noClasses()
            .that().resideInAPackage("ir.nix.core..")
            .should().dependOnClassesThat().resideInAPackage("ir.nix.adapters..")
            .because("nix-core names no service or provider (architecture.md section 2)");

    /**
     * Inside every module the concept packages ({@code ir.nix.core.inquiry}, {@code ir.nix.core.traffic},
     * {@code ir.nix.policy.bundle}, ...: style.md, packages by concept) depend on each other one way. A concept's
     * own sub-packages ({@code ir.nix.core.traffic.chain}) belong to its slice. The module level is
     * {@link ModuleDependencyTest}.
     */
    @ArchTest
    static final ArchRule conceptPackagesFormNoCycle = slices().matching("ir.nix.(*).(*)..")
            .namingSlices("$1.$2").should().beFreeOfCycles()
            .because("a cycle makes two concepts one that cannot be read, tested or moved alone");
}
