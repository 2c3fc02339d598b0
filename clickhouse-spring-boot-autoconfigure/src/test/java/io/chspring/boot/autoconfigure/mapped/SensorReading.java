package io.chspring.boot.autoconfigure.mapped;

import io.chspring.data.mapping.Column;
import io.chspring.data.mapping.Table;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Transient;

/**
 * A test entity whose mapping only Spring Data knows: a renamed column, a transient field, a read-only (DEFAULT)
 * column, and names from the mapping context's naming strategy.
 */
@Table
public class SensorReading {

    @Id
    public long id;

    @Column("renamed")
    public String label;

    public double sensorValue;

    @Transient
    public String scratch = "never stored";

    @ReadOnlyProperty
    public double doubled;

    public SensorReading() {
    }

    public SensorReading(long id, String label, double sensorValue) {
        this.id = id;
        this.label = label;
        this.sensorValue = sensorValue;
    }
}
