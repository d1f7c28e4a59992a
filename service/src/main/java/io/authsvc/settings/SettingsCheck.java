package io.authsvc.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting the WAR reads, checked against its type at once, so that a start-up with bad values names all of
 * them in one message rather than the first one some class happens to read. A secret's value is never shown: the
 * message names the setting alone. Whether settings fit together (the first admin's three, a key for RS256) stays
 * with the class that reads them.
 */
public final class SettingsCheck {

    private SettingsCheck() {
    }

    /** The problems of the values {@code lookup} gives (empty or absent: unset, the default applies), in order. */
    public static List<String> problems(Function<String, Optional<String>> lookup) {
        List<String> problems = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            if (!setting.readByWar()) {
                continue;
            }
            Optional<String> value = lookup.apply(setting.name()).map(String::strip).filter(text -> !text.isEmpty());
            value.flatMap(setting.type()::problem).ifPresent(problem -> problems.add(setting.name() + " " + problem
                    + (setting.type().showsValue() ? ", not '" + value.get() + "'" : " (its value is not shown)")));
        }
        return problems;
    }

    /** @throws IllegalStateException naming every bad setting among the values {@code lookup} gives */
    public static void check(Function<String, Optional<String>> lookup) {
        List<String> problems = problems(lookup);
        if (!problems.isEmpty()) {
            throw new IllegalStateException((problems.size() == 1 ? "1 setting is" : problems.size() + " settings are")
                    + " bad, so the service does not start (see docs/settings.md): " + String.join("; ", problems));
        }
    }
}
