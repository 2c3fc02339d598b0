package io.chspring.data.repository.config;

import io.chspring.data.repository.support.ClickHouseRepositoryFactoryBean;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy;

/**
 * Activates ClickHouse repositories: every interface extending {@code ClickHouseRepository} (or annotated with an
 * entity annotated {@code @Table}) in the base packages becomes a bean that runs through the
 * {@code ClickHouseOperations} bean named by {@link #clickHouseOperationsRef()}. Every query method is checked
 * when its repository is created.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(ClickHouseRepositoriesRegistrar.class)
public @interface EnableClickHouseRepositories {

    /** Alias for {@link #basePackages()}. */
    String[] value() default {};

    /** The packages to scan; the annotated class's package when empty. */
    String[] basePackages() default {};

    /** Classes whose packages are scanned, a type-safe alternative to {@link #basePackages()}. */
    Class<?>[] basePackageClasses() default {};

    /** Which candidate interfaces to include. */
    Filter[] includeFilters() default {};

    /** Which candidate interfaces to exclude. */
    Filter[] excludeFilters() default {};

    /** The postfix of custom implementation classes. */
    String repositoryImplementationPostfix() default "Impl";

    /** Where named queries are read from (unused by ClickHouse repositories, kept for Spring Data's contract). */
    String namedQueriesLocation() default "";

    /** How query methods are resolved. */
    QueryLookupStrategy.Key queryLookupStrategy() default QueryLookupStrategy.Key.CREATE_IF_NOT_FOUND;

    /** The factory bean class of each repository. */
    Class<?> repositoryFactoryBeanClass() default ClickHouseRepositoryFactoryBean.class;

    /** The repository base class; {@code SimpleClickHouseRepository} by default. */
    Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

    /** The name of the {@code ClickHouseOperations} bean the repositories use. */
    String clickHouseOperationsRef() default "clickHouseTemplate";

    /** Whether repository interfaces nested in other classes are found too. */
    boolean considerNestedRepositories() default false;
}
