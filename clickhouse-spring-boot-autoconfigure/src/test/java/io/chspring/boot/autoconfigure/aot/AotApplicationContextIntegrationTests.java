package io.chspring.boot.autoconfigure.aot;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.boot.autoconfigure.ClickHouseAutoConfiguration;
import io.chspring.boot.autoconfigure.app.Event;
import io.chspring.boot.autoconfigure.app.EventRepository;
import io.chspring.boot.autoconfigure.app.PageView;
import io.chspring.boot.autoconfigure.app.ScanRoot;
import io.chspring.boot.autoconfigure.data.ClickHouseDataAutoConfiguration;
import io.chspring.boot.autoconfigure.data.ClickHouseRepositoriesAutoConfiguration;
import io.chspring.boot.autoconfigure.inserter.ClickHouseInserterAutoConfiguration;
import io.chspring.client.inserter.Inserter;
import io.chspring.data.core.ClickHouseOperations;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

/**
 * The ClickHouse auto-configurations processed ahead of time on the JVM, as Spring Boot's own AOT tests do: the
 * context is refreshed for AOT, its bean definitions are written as Java source, that source is compiled, and a fresh
 * context is started from the generated initializer only (no configuration classes, no condition evaluation, no
 * classpath scanning of entities or repositories). Then a repository, the template and an {@code Inserter<Entity>}
 * bean run against a real server, and the runtime hints the processing contributed are checked.
 */
@ClickHouseIntegrationTest
class AotApplicationContextIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    @Import(ScanRoot.class)
    @ImportAutoConfiguration({ ClickHouseAutoConfiguration.class, ClickHouseDataAutoConfiguration.class,
            ClickHouseRepositoriesAutoConfiguration.class, ClickHouseInserterAutoConfiguration.class })
    static class Application {
    }

    @Test
    @CompileWithForkedClassLoader // the generated code calls package-private factory methods of the test classes
    void aContextStartedFromGeneratedCodeReadsAndWrites(ClickHouseTestDatabase db) {
        db.query("CREATE TABLE events (id UInt64, name String) ENGINE = MergeTree ORDER BY id");
        db.query("CREATE TABLE page_view (id UInt64, url String) ENGINE = Memory");
        String url = "clickhouse.url=" + db.url();

        GenericApplicationContext build = new GenericApplicationContext();
        AnnotationConfigUtils.registerAnnotationConfigProcessors(build);
        TestPropertyValues.of(url).applyTo(build);
        build.registerBean(Application.class);
        TestGenerationContext generation = new TestGenerationContext();
        ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(build, generation);
        generation.writeGeneratedContent();
        RuntimeHints hints = generation.getRuntimeHints();
        // the repository proxy and the entity's accessors are reached reflectively at run time
        assertThat(RuntimeHintsPredicates.proxies().forInterfaces(EventRepository.class,
                org.springframework.data.repository.Repository.class,
                org.springframework.transaction.interceptor.TransactionalProxy.class,
                org.springframework.aop.framework.Advised.class, org.springframework.core.DecoratingProxy.class))
                .as("JDK proxy hint of the repository").accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Event.class)).accepts(hints);
        // PageView has an Inserter and no repository: only our processor registers it
        assertThat(RuntimeHintsPredicates.reflection().onType(PageView.class)
                .withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS,
                        MemberCategory.INVOKE_DECLARED_METHODS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(org.springframework.util.ReflectionUtils
                .findMethod(org.springframework.core.convert.ConversionService.class, "convert", Object.class,
                        Class.class))).accepts(hints);

        TestCompiler.forSystem().with(generation).compile(compiled -> {
            try (GenericApplicationContext fresh = new GenericApplicationContext()) {
                TestPropertyValues.of(url).applyTo(fresh);
                @SuppressWarnings("unchecked")
                ApplicationContextInitializer<GenericApplicationContext> generated = compiled.getInstance(
                        ApplicationContextInitializer.class, initializer.toString());
                generated.initialize(fresh);
                fresh.refresh();
                run(fresh, context -> {
                    EventRepository events = context.getBean(EventRepository.class);
                    events.save(new Event(1, "signup"));
                    @SuppressWarnings("unchecked")
                    Inserter<Event> inserter = (Inserter<Event>) context.getBeanProvider(
                            ResolvableType.forClassWithGenerics(Inserter.class, Event.class)).getObject();
                    inserter.write(new Event(2, "login"));
                    inserter.flush();
                    assertThat(events.findByName("login")).extracting(Event::id).containsExactly(2L);
                    assertThat(context.getBean(ClickHouseOperations.class)
                            .queryForList("SELECT name FROM events ORDER BY id", String.class))
                            .containsExactly("signup", "login");
                });
            }
        });
        assertThat(db.query("SELECT count() FROM events").strip()).isEqualTo("2");
    }

    private static void run(GenericApplicationContext context, Consumer<GenericApplicationContext> test) {
        // no configuration-class parsing, conditions or scanning ran: every bean definition came from generated code
        assertThat(context.containsBeanDefinition(AnnotationConfigUtils.CONFIGURATION_ANNOTATION_PROCESSOR_BEAN_NAME))
                .isFalse();
        assertThat(context.getBeanNamesForType(EventRepository.class)).hasSize(1);
        test.accept(context);
    }
}
