package io.chspring.boot.autoconfigure.app;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Plays the application class: its package is the auto-configuration package scanned for entities. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ScanRoot {
}
