package io.chspring.boot.test.app;

import org.springframework.stereotype.Service;

/** A component of the application: a @ClickHouseTest context leaves it out unless the test includes it. */
@Service
public class ReadingService {

    private final ReadingRepository readings;

    public ReadingService(ReadingRepository readings) {
        this.readings = readings;
    }

    public double average(String sensor) {
        return readings.averageOf(sensor);
    }
}
