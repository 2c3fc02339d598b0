package io.chspring.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.request.RequestContext;
import io.chspring.client.rowbinary.CodecOptions;
import io.chspring.client.rowbinary.TimeZoneRule;
import io.chspring.client.transport.Endpoint;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RequestContext#mappingOptions} keeps the options it last filled in; what it fills in must not change. */
class FilledMappingOptionsTests {

    private static final Map<String, String> KOLKATA = Map.of("session_timezone", "Asia/Kolkata");
    private static final Map<String, String> TOKYO = Map.of("session_timezone", "Asia/Tokyo");

    private final RequestContext context = RequestContext.open(new FakeTransport("24.3.2.23"),
            Endpoint.of(URI.create("http://127.0.0.1:8123")), (c, table) -> List.of(), Map.of(), "default",
            Compression.NONE, 0, false);

    @Test
    void fillsInTheRuleAndTheSessionZoneAndHandsBackTheSameInstanceForTheSameZone() {
        MappingOptions first = context.mappingOptions(MappingOptions.DEFAULT, KOLKATA);

        assertThat(first.codecOptions().timeZoneRule()).isEqualTo(TimeZoneRule.UTC);
        assertThat(first.codecOptions().defaultTimeZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(context.mappingOptions(MappingOptions.DEFAULT, KOLKATA)).isSameAs(first);
    }

    @Test
    void anotherZoneOrOtherOptionsAreFilledInAfresh() {
        MappingOptions kolkata = context.mappingOptions(MappingOptions.DEFAULT, KOLKATA);
        MappingOptions tokyo = context.mappingOptions(MappingOptions.DEFAULT, TOKYO);
        MappingOptions lenient = new MappingOptions(CodecOptions.DEFAULT, false);

        assertThat(tokyo.codecOptions().defaultTimeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(context.mappingOptions(lenient, TOKYO).validateSchema()).isFalse();
        assertThat(context.mappingOptions(MappingOptions.DEFAULT, KOLKATA)).isEqualTo(kolkata);
    }

    @Test
    void optionsThatNameTheirOwnZoneAndRuleAreKeptAsTheyAre() {
        MappingOptions own = new MappingOptions(new CodecOptions(ZoneId.of("Europe/Paris"), false, false,
                TimeZoneRule.COLUMN), true);

        assertThat(context.mappingOptions(own, TOKYO)).isSameAs(own);
        assertThat(context.mappingOptions(own, KOLKATA)).isSameAs(own);
    }
}
