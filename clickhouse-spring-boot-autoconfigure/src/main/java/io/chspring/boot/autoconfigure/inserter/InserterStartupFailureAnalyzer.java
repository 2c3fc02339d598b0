package io.chspring.boot.autoconfigure.inserter;

import io.chspring.boot.autoconfigure.inserter.InserterStartupErrors.StartupException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Puts a missing table or database of an Inserter bean at the top of Boot's "APPLICATION FAILED TO START" report,
 * with what to do as its action, instead of at the bottom of a stack trace.
 */
class InserterStartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
