package io.chspring.data.config;

import io.chspring.data.mapping.event.BeforeConvertCallback;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.core.Ordered;
import org.springframework.data.auditing.AuditingHandler;
import org.springframework.util.Assert;

/**
 * Marks every inserted entity as created (ClickHouse has no update): the first BeforeConvert callback, so others see
 * the audited values. The handler is looked up on first use, not injected, because it depends on the mapping, and so
 * on the template that runs this callback.
 */
public class ClickHouseAuditingCallback implements BeforeConvertCallback<Object>, Ordered, BeanFactoryAware {

    /** Runs before callbacks of the default order. */
    public static final int ORDER = 100;

    private final String handlerBeanName;
    private volatile @Nullable AuditingHandler handler;
    private @Nullable BeanFactory beanFactory;

    /** A callback applying the {@link AuditingHandler} bean named {@code handlerBeanName}. */
    public ClickHouseAuditingCallback(String handlerBeanName) {
        this.handlerBeanName = handlerBeanName;
    }

    /** A callback applying {@code handler}. */
    public ClickHouseAuditingCallback(AuditingHandler handler) {
        this.handlerBeanName = "";
        this.handler = handler;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public Object onBeforeConvert(Object entity, String table) {
        AuditingHandler h = handler;
        if (h == null) {
            Assert.state(beanFactory != null, "No BeanFactory to find the auditing handler in");
            h = beanFactory.getBean(handlerBeanName, AuditingHandler.class);
            handler = h;
        }
        return h.markCreated(entity);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
