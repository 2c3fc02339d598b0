package io.chspring.data.repository.query;

import io.chspring.data.repository.Query;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.DefaultParameters;
import org.springframework.data.repository.query.QueryMethod;

/** A repository query method and its {@link Query} annotation, if any. */
final class ClickHouseQueryMethod extends QueryMethod {

    private final Method method;
    private final @Nullable Query query;

    ClickHouseQueryMethod(Method method, RepositoryMetadata metadata, ProjectionFactory factory) {
        super(method, metadata, factory, DefaultParameters::new);
        this.method = method;
        this.query = AnnotatedElementUtils.findMergedAnnotation(method, Query.class);
    }

    /** The {@link Query} annotation, or {@code null}. */
    @Nullable Query annotatedQuery() {
        return query;
    }

    /** {@code Repository.method}, for messages. */
    String describe() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
