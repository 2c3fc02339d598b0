package io.chspring.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** The service's own beans beside the auto-configured ones. */
@Configuration(proxyBeanMethods = false)
class SampleConfiguration {

    /** Static: a post-processor must exist before the beans it processes, without this class's instance. */
    @Bean
    static SchemaInitializer schemaInitializer(@Value("${sample.schema:classpath:schema.sql}") Resource script) {
        return new SchemaInitializer(script);
    }
}
