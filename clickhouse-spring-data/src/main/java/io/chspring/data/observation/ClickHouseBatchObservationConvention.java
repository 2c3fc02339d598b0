package io.chspring.data.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags the observations of Inserter batches; a bean of this type replaces the default. */
public interface ClickHouseBatchObservationConvention extends ObservationConvention<ClickHouseBatchObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ClickHouseBatchObservationContext;
    }
}
