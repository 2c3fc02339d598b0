package io.chspring.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which database each extension test class was given in this JVM, to compare classes with each other. */
final class DatabasesSeen {

    static final Map<Class<?>, String> BY_CLASS = new ConcurrentHashMap<>();
    static final Map<Class<?>, Boolean> FINISHED = new ConcurrentHashMap<>();

    private DatabasesSeen() {
    }
}
