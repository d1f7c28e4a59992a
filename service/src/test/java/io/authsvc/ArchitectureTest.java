package io.authsvc;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout's rules, checked on the compiled classes: no package cycles, and a realm that needs nothing else. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void read() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.authsvc");
    }

    @Test
    void hasNoCycleBetweenPackages() {
        slices().matching("io.authsvc.(**)").should().beFreeOfCycles().check(classes);
    }

    /** The realm jar (other WARs' token check) is these classes alone. */
    @Test
    void keepsTheRealmFreeOfTheService() {
        noClasses().that().resideInAPackage("io.authsvc.security..")
                .should().dependOnClassesThat(resideInAPackage("io.authsvc..")
                        .and(not(resideInAPackage("io.authsvc.security.."))))
                .check(classes);
    }
}
