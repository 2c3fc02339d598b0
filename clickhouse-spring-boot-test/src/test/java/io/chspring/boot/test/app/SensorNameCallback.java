package io.chspring.boot.test.app;

import io.chspring.data.mapping.event.BeforeConvertCallback;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** An entity callback of the application: a @ClickHouseTest context includes it, as it changes what is stored. */
@Component
public class SensorNameCallback implements BeforeConvertCallback<Reading> {

    @Override
    public Reading onBeforeConvert(Reading reading, String table) {
        return new Reading(reading.id(), reading.sensor().toLowerCase(Locale.ROOT), reading.value(), reading.ts());
    }
}
