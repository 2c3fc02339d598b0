package io.chspring.test;

import org.junit.jupiter.api.extension.ExtensionContext;

/** The in-process chDB engine as an {@link EngineTarget}: a database of the class's own on the shared engine. */
final class EmbeddedEngineTarget implements EngineTarget {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedEngineTarget.class);

    private final ExtensionContext classContext;

    EmbeddedEngineTarget(ExtensionContext classContext) {
        this.classContext = classContext;
    }

    /** Created on first use in the class's store, which drops it when the class is done. */
    private EmbeddedEngine.Database database0() {
        return classContext.getStore(NAMESPACE).computeIfAbsent("database",
                key -> EmbeddedEngine.shared(classContext).createDatabase(classContext.getRequiredTestClass().getSimpleName()),
                EmbeddedEngine.Database.class);
    }

    @Override
    public EngineKind kind() {
        return EngineKind.EMBEDDED;
    }

    @Override
    public String url() {
        return EmbeddedEngine.MEMORY_URL + "?database=" + database0().name();
    }

    @Override
    public String database() {
        return database0().name();
    }

    @Override
    public String version() {
        return EmbeddedEngine.shared(classContext).version();
    }

    @Override
    public String query(String sql) {
        return database0().query(sql);
    }

    @Override
    public String toString() {
        return EngineKind.EMBEDDED.label();
    }
}
