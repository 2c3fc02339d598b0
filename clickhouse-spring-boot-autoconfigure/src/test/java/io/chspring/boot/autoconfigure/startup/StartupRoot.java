package io.chspring.boot.autoconfigure.startup;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Plays the application class: entity scanning finds only {@link Reading}. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class StartupRoot {
}
