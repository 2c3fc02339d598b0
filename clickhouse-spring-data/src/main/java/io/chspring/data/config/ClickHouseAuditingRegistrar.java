package io.chspring.data.config;

import java.lang.annotation.Annotation;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.data.auditing.AuditingHandler;
import org.springframework.data.auditing.config.AuditingBeanDefinitionRegistrarSupport;
import org.springframework.data.auditing.config.AuditingConfiguration;

/** Registers the auditing handler over the template's mapping and the callback that applies it on insert. */
class ClickHouseAuditingRegistrar extends AuditingBeanDefinitionRegistrarSupport {

    static final String HANDLER = "clickHouseAuditingHandler";

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableClickHouseAuditing.class;
    }

    @Override
    protected String getAuditingHandlerBeanName() {
        return HANDLER;
    }

    @Override
    protected BeanDefinitionBuilder getAuditHandlerBeanDefinitionBuilder(AuditingConfiguration configuration) {
        BeanDefinitionBuilder entities = BeanDefinitionBuilder.rootBeanDefinition(PersistentEntitiesFactoryBean.class);
        entities.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
        BeanDefinitionBuilder handler = BeanDefinitionBuilder.rootBeanDefinition(AuditingHandler.class)
                .addConstructorArgValue(entities.getBeanDefinition());
        return configureDefaultAuditHandlerAttributes(configuration, handler);
    }

    @Override
    protected void registerAuditListenerBeanDefinition(BeanDefinition auditingHandlerDefinition,
            BeanDefinitionRegistry registry) {
        BeanDefinitionBuilder callback = BeanDefinitionBuilder.rootBeanDefinition(ClickHouseAuditingCallback.class)
                .addConstructorArgValue(HANDLER);
        registerInfrastructureBeanWithId(callback.getBeanDefinition(), ClickHouseAuditingCallback.class.getName(),
                registry);
    }
}
