package vn.gov.prefill;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import vn.gov.prefill.plan.WaveRunner;
import vn.gov.prefill.source.RecordReader;

/** The feature packages and who may use whom, checked rather than hoped for. */
class ArchitectureTest {

    static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.gov.prefill");

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("vn.gov.prefill.(*)..").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void theRegistryLayerKnowsNothingOfFormsPrefillsIdentityOrAudit() {
        noClasses().that().resideInAPackage("vn.gov.prefill.source..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.gov.prefill.form..", "vn.gov.prefill.flow..",
                        "vn.gov.prefill.identity..", "vn.gov.prefill.audit..", "vn.gov.prefill.submission..")
                .check(GATEWAY);
    }

    @Test
    void transformsAndCodeListsArePure() {
        noClasses().that().resideInAPackage("vn.gov.prefill.binding..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.gov.prefill.source..", "vn.gov.prefill.form..",
                        "vn.gov.prefill.flow..", "vn.gov.prefill.identity..", "vn.gov.prefill.audit..", "org.apache.camel..",
                        "org.springframework.web..")
                .check(GATEWAY);
    }

    @Test
    void theDisclosureLogDoesNotReachIntoPrefillOrTheRegistries() {
        noClasses().that().resideInAPackage("vn.gov.prefill.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.gov.prefill.flow..", "vn.gov.prefill.source..",
                        "vn.gov.prefill.form..")
                .check(GATEWAY);
    }

    @Test
    void theMapperKnowsNoCamelNoWebAndNoRegistryCalls() {
        noClasses().that().resideInAPackage("vn.gov.prefill.mapping..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework.web..",
                        "jakarta.servlet..", "vn.gov.prefill.edge..", "vn.gov.prefill.flow..", "vn.gov.prefill.identity..",
                        "vn.gov.prefill.audit..")
                .orShould().dependOnClassesThat().areAssignableTo(RecordReader.class)
                .check(GATEWAY);
    }

    @Test
    void onlyTheWaveRunnerCallsTheRegistries() {
        noClasses().that().resideOutsideOfPackage("vn.gov.prefill.source..").and().doNotHaveFullyQualifiedName(WaveRunner.class.getName())
                .should().dependOnClassesThat().areAssignableTo(RecordReader.class)
                .check(GATEWAY);
    }

    @Test
    void thePlanKnowsNoWebNoMappingAndNoAudit() {
        noClasses().that().resideInAPackage("vn.gov.prefill.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "vn.gov.prefill.mapping..", "vn.gov.prefill.flow..", "vn.gov.prefill.audit..", "vn.gov.prefill.identity..")
                .check(GATEWAY);
    }

    @Test
    void suggestionsKnowNoCamelAndOfTheFlowOnlyThatAPrefillHappened() {
        noClasses().that().resideInAPackage("vn.gov.prefill.suggestion..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "com.github.tomakehurst.wiremock..")
                .orShould().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("flow classes other than PrefillCompleted",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().equals("vn.gov.prefill.flow")
                                && !c.getSimpleName().equals("PrefillCompleted")))
                .check(GATEWAY);
    }

    @Test
    void domainRulesAndTheEdgeDependOnNoFeature() {
        classes().that().resideInAPackage("vn.gov.prefill.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("vn.gov.prefill.domain..", "java..")
                .check(GATEWAY);
        noClasses().that().resideInAPackage("vn.gov.prefill.edge..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.gov.prefill.flow..", "vn.gov.prefill.plan..",
                        "vn.gov.prefill.mapping..", "vn.gov.prefill.source..", "vn.gov.prefill.form..", "vn.gov.prefill.audit..",
                        "vn.gov.prefill.submission..", "vn.gov.prefill.identity..")
                .check(GATEWAY);
    }

    @Test
    void onlyTheEmbeddedMocksAndDemoTokensTouchWireMock() {
        noClasses().that().resideOutsideOfPackages("vn.gov.prefill.mocks..")
                .should().dependOnClassesThat().resideInAPackage("com.github.tomakehurst.wiremock..")
                .check(GATEWAY);
    }
}
