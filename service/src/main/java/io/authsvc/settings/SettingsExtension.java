package io.authsvc.settings;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks every setting ({@link SettingsCheck}) before CDI looks at a single bean: before the server's MicroProfile
 * Config validates the {@code @ConfigProperty} injection points (it stops at a number that is not one, with a message
 * of its own) and before any start-up step of {@code startup.StartupOrder} runs. Registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class SettingsExtension implements Extension {

    void beforeBeanDiscovery(@Observes BeforeBeanDiscovery event) {
        Config config = ConfigProvider.getConfig(SettingsExtension.class.getClassLoader());
        SettingsCheck.check(name -> config.getOptionalValue(name, String.class));
    }
}
