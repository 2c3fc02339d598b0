package io.chspring.data.observation;

import io.chspring.client.observation.BatchObservation;
import io.chspring.client.observation.BatchOutcome;
import io.chspring.client.observation.BatchStart;
import io.chspring.client.observation.ClickHouseObserver;
import io.chspring.client.observation.RequestEnd;
import io.chspring.client.observation.RequestObservation;
import io.chspring.client.observation.RequestStart;
import io.chspring.client.observation.TraceContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * The client's requests and Inserter batches as Micrometer observations: give it to
 * {@code ClickHouseClientBuilder.observer(...)} (the Boot auto-configuration does when an {@link ObservationRegistry}
 * bean exists). A request's observation is the child of whatever observation is current on the sending thread (a
 * template operation, an HTTP request); a batch's is a root, and the requests of its attempts are its children.
 *
 * <p>With Micrometer Tracing, the tracing handler writes the client span's W3C trace context into the request
 * context's carrier; the client then sends it to the server (see
 * {@link io.chspring.client.observation.RequestObservation#traceContext()}).
 */
public final class ObservationClickHouseObserver implements ClickHouseObserver {

    private final ObservationRegistry registry;
    private final @Nullable ClickHouseRequestObservationConvention requestConvention;
    private final @Nullable ClickHouseBatchObservationConvention batchConvention;
    private final DefaultClickHouseRequestObservationConvention defaultRequestConvention;
    private static final DefaultClickHouseBatchObservationConvention DEFAULT_BATCH =
            new DefaultClickHouseBatchObservationConvention();

    /** An observer with the default conventions, without query texts. */
    public ObservationClickHouseObserver(ObservationRegistry registry) {
        this(registry, null, null, false);
    }

    /**
     * An observer.
     *
     * @param requestConvention replaces the default request convention, or {@code null}
     * @param batchConvention replaces the default batch convention, or {@code null}
     * @param includeQueryText whether the default request convention records {@code db.query.text}
     */
    public ObservationClickHouseObserver(ObservationRegistry registry,
            @Nullable ClickHouseRequestObservationConvention requestConvention,
            @Nullable ClickHouseBatchObservationConvention batchConvention, boolean includeQueryText) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.requestConvention = requestConvention;
        this.batchConvention = batchConvention;
        this.defaultRequestConvention = new DefaultClickHouseRequestObservationConvention(includeQueryText);
    }

    @Override
    public RequestObservation request(RequestStart request) {
        ClickHouseRequestObservationContext context = new ClickHouseRequestObservationContext(request);
        Observation observation = Observation.createNotStarted(requestConvention, defaultRequestConvention,
                () -> context, registry).start();
        TraceContext trace = traceContext(context.getCarrier());
        return new RequestObservation() {
            @Override
            public @Nullable TraceContext traceContext() {
                return trace;
            }

            @Override
            public void end(RequestEnd end) {
                context.setEnd(end);
                Throwable error = end.error();
                if (error != null) {
                    observation.error(error);
                }
                observation.stop();
            }
        };
    }

    /** The W3C context a tracing handler propagated, when it did (another propagation format gives none). */
    private static @Nullable TraceContext traceContext(@Nullable Map<String, String> carrier) {
        if (carrier == null) {
            return null;
        }
        String traceparent = carrier.get(TraceContext.TRACEPARENT_HEADER);
        if (traceparent == null) {
            return null;
        }
        try {
            return new TraceContext(traceparent, carrier.get(TraceContext.TRACESTATE_HEADER));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public BatchObservation batch(BatchStart batch) {
        ClickHouseBatchObservationContext context = new ClickHouseBatchObservationContext(batch);
        Observation observation = Observation.createNotStarted(batchConvention, DEFAULT_BATCH, () -> context,
                registry).start();
        return new BatchObservation() {
            @Override
            public Scope attempt(int attempt) {
                context.setAttempts(attempt);
                Observation.Scope scope = observation.openScope();
                return scope::close;
            }

            @Override
            public void end(BatchOutcome outcome, int attempts, @Nullable Throwable error) {
                context.setAttempts(attempts);
                context.setOutcome(outcome);
                if (error != null) {
                    observation.error(error);
                }
                observation.stop();
            }
        };
    }

    @Override
    public <T> Callable<T> inCurrentContext(Callable<T> task) {
        Observation current = registry.getCurrentObservation();
        if (current == null) {
            return task;
        }
        return () -> {
            Observation.Scope scope = current.openScope();
            try {
                return task.call();
            } finally {
                scope.close();
            }
        };
    }
}
