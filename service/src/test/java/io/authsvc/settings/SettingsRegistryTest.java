package io.authsvc.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry against the code: every {@code @ConfigProperty} of the compiled classes (the WAR's, the realm's, the
 * data source's) and every name looked up through {@code ConfigProvider} by hand names a registered setting, with
 * the registry's default; and every setting the registry says the WAR reads is read somewhere.
 */
class SettingsRegistryTest {

    /** Where the code reads a setting by name, outside injection. */
    private static final Pattern LOOKUP = Pattern.compile("get(?:Optional)?Value\\(\\s*\"([A-Z][A-Z0-9_]*)\"");
    private static final String UNSET = ConfigProperty.UNCONFIGURED_VALUE;

    /** Setting name to its readers, each as {@code Class.member=default}. */
    static Map<String, List<String>> injected = new TreeMap<>();
    static Map<String, List<String>> lookedUp = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.authsvc");
        for (JavaClass type : classes) {
            for (JavaField field : type.getFields()) {
                field.tryGetAnnotationOfType(ConfigProperty.class).ifPresent(property -> add(property,
                        type.getSimpleName() + "." + field.getName()));
            }
            type.getCodeUnits().forEach(unit -> {
                for (JavaParameter parameter : unit.getParameters()) {
                    parameter.tryGetAnnotationOfType(ConfigProperty.class).ifPresent(property -> add(property,
                            type.getSimpleName() + "." + unit.getName()));
                }
            });
        }
        for (String module : List.of("service", "realm", "datasource")) {
            Path sources = Path.of("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher matcher = LOOKUP.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        lookedUp.computeIfAbsent(matcher.group(1), name -> new ArrayList<>())
                                .add(file.getFileName().toString());
                    }
                }
            }
        }
    }

    private static void add(ConfigProperty property, String reader) {
        injected.computeIfAbsent(property.name(), name -> new ArrayList<>()).add(reader + "=" + property.defaultValue());
    }

    @Test
    void findsTheReadersItChecks() {
        assertTrue(injected.size() > 40, "the scan found the @ConfigProperty injection points: " + injected.keySet());
        assertTrue(injected.containsKey("SECRET_KEY"), "the realm's classes are scanned: " + injected.keySet());
        assertTrue(lookedUp.containsKey("CORS_ORIGINS"), "the hand-made look-ups are found: " + lookedUp.keySet());
    }

    @Test
    void registersEverySettingTheCodeReads() {
        TreeSet<String> unregistered = new TreeSet<>();
        injected.keySet().stream().filter(name -> Setting.named(name).isEmpty()).forEach(unregistered::add);
        lookedUp.keySet().stream().filter(name -> Setting.named(name).isEmpty()).forEach(unregistered::add);
        assertEquals(new TreeSet<>(), unregistered, "settings read in the code but missing from io.authsvc.settings."
                + "Setting (add them there and to docs/settings.md): " + injected + " " + lookedUp);
    }

    @Test
    void givesEachSettingTheDefaultItsReadersUse() {
        List<String> differing = new ArrayList<>();
        injected.forEach((name, readers) -> Setting.named(name).ifPresent(setting -> {
            String expected = setting.defaultValue().orElse(UNSET);
            readers.stream().filter(reader -> !reader.endsWith("=" + expected))
                    .forEach(reader -> differing.add(name + ": registry " + setting.defaultValue() + ", " + reader));
        }));
        assertEquals(List.of(), differing);
    }

    @Test
    void registersNoSettingOfTheWarThatNothingReads() {
        List<String> unread = Stream.of(Setting.values()).filter(Setting::readByWar).map(Setting::name)
                .filter(name -> !injected.containsKey(name) && !lookedUp.containsKey(name)).toList();
        assertEquals(List.of(), unread);
    }

    @Test
    void findsSettingsByName() {
        assertEquals(Optional.of(Setting.BCRYPT_COST), Setting.named("BCRYPT_COST"));
        assertEquals(Optional.empty(), Setting.named("NO_SUCH_SETTING"));
    }
}
