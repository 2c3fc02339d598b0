package io.chspring.data.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags the observations of template operations; a bean of this type replaces the default. */
public interface ClickHouseObservationConvention extends ObservationConvention<ClickHouseObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof ClickHouseObservationContext;
    }
}
