package io.chspring.data.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags the observations of client requests; a bean of this type replaces the default. */
public interface ClickHouseRequestObservationConvention extends ObservationConvention<ClickHouseRequestObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ClickHouseRequestObservationContext;
    }
}
