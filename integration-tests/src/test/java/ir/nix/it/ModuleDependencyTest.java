package ir.nix.it;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * architecture.md §2: dependencies between the modules point one way and never in a circle. Each module
 * is one package root ({@code ir.nix.core}, {@code ir.nix.policy}, ...), so the slices are {@code ir.nix.(*)..}.
 * The rules about adapters, simulators and provider names live in their own test class.
 */
@AnalyzeClasses(packages = "ir.nix", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDependencyTest {

    @ArchTest
    static final ArchRule modulesFormNoCycle = slices().matching("ir.nix.(*)..").namingSlices("module $1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule modulesDependAsTheArchitectureSays = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("deploy").definedBy("ir.nix.deploy..")
            .layer("monitoring").definedBy("ir.nix.monitoring..")
            .layer("adapters").definedBy("ir.nix.adapters..")
            .layer("core").definedBy("ir.nix.core..")
            .layer("policy").definedBy("ir.nix.policy..")
            .whereLayer("deploy").mayNotBeAccessedByAnyLayer()
            .whereLayer("monitoring").mayOnlyBeAccessedByLayers("deploy")
            .whereLayer("adapters").mayOnlyBeAccessedByLayers("deploy")
            .whereLayer("core").mayOnlyBeAccessedByLayers("adapters", "monitoring", "deploy")
            .whereLayer("policy").mayOnlyBeAccessedByLayers("core", "adapters", "monitoring", "deploy");
}
