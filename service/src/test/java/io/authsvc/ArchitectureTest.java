package io.authsvc;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import io.authsvc.accounts.entity.User;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules, checked on the compiled classes: no cycle between packages nor between features (the
 * packages right under {@code io.authsvc}, each with its sub-packages), control classes that know no HTTP, the
 * token endpoint outside the account use cases, one writer of accounts, small packages, and a realm that needs
 * nothing else.
 */
class ArchitectureTest {

    /** The most top-level classes one package may hold. */
    static final int PACKAGE_LIMIT = 20;

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

    /** A feature ({@code accounts}, {@code oauth}, ...) with all its packages is one node: no loop between them. */
    @Test
    void hasNoCycleBetweenFeatures() {
        slices().matching("io.authsvc.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** Use cases answer values and failures; only boundaries (resources, mappers, filters) speak HTTP. */
    @Test
    void keepsHttpOutOfControlClasses() {
        noClasses().that().resideInAPackage("io.authsvc..control..")
                .should().dependOnClassesThat(resideInAPackage("jakarta.ws.rs.."))
                .check(classes);
    }

    /** The account use cases know nothing of sessions and tokens: the token endpoint and its kin live in oauth. */
    @Test
    void keepsSessionsOutOfTheAccountUseCases() {
        noClasses().that().resideInAPackage("io.authsvc.users..")
                .should().dependOnClassesThat(resideInAPackage("io.authsvc.sessions..")
                        .or(resideInAPackage("io.authsvc.oauth..")))
                .check(classes);
    }

    /**
     * The account store is the one writer of an account: no class outside the accounts feature creates one or calls
     * a method that changes one, so that every change is locked and announced ({@code AccountChanged}) in one place.
     */
    @Test
    void writesAccountsOnlyThroughTheirStore() {
        noClasses().that().resideOutsideOfPackage("io.authsvc.accounts..")
                .should().callMethodWhere(target(owner(assignableTo(User.class)))
                        .and(target(name("touch").or(name("recordLogin")).or(name("revokeTokens"))
                                .or(nameStartingWith("set")))))
                .orShould().callConstructor(User.class, String.class, String.class, String.class, String.class)
                .check(classes);
    }

    @Test
    void keepsPackagesSmall() {
        Map<String, Long> sizes = classes.stream().filter(JavaClass::isTopLevelClass)
                .collect(Collectors.groupingBy(JavaClass::getPackageName, TreeMap::new, Collectors.counting()));
        Map<String, Long> large = new TreeMap<>(sizes);
        large.values().removeIf(count -> count <= PACKAGE_LIMIT);
        assertEquals(Map.of(), large, "packages of more than " + PACKAGE_LIMIT + " classes");
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
