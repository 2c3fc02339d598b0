package io.chspring.sample;

import io.chspring.client.inserter.Inserter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /events}: one page view as a JSON object, or a batch as an array. Rows go to the
 * {@code Inserter<PageView>} bean, which batches them into few large INSERTs (ClickHouse prefers a few big inserts
 * to many small ones) and flushes what it holds when the application stops. 202: the rows are buffered, not yet
 * visible to queries.
 */
@RestController
class EventsController {

    /** Bounds what one request can make the service hold before the Inserter takes it. */
    static final int MAX_BATCH = 10_000;

    private final Inserter<PageView> pageViews;
    private final ObjectMapper json;
    private final Clock clock;

    @Autowired
    EventsController(Inserter<PageView> pageViews, ObjectMapper json) {
        this(pageViews, json, Clock.systemUTC());
    }

    EventsController(Inserter<PageView> pageViews, ObjectMapper json, Clock clock) {
        this.pageViews = pageViews;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Integer> post(@RequestBody JsonNode body) {
        List<PageView> rows = new ArrayList<>();
        if (body.isArray()) {
            if (body.size() > MAX_BATCH) {
                throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                        "at most " + MAX_BATCH + " events per request, got " + body.size());
            }
            body.forEach(node -> rows.add(toRow(node)));
        } else {
            rows.add(toRow(body));
        }
        // Validate the whole batch first, so that a bad event rejects the request without half of it written.
        rows.forEach(pageViews::write);
        return Map.of("accepted", rows.size());
    }

    private PageView toRow(JsonNode node) {
        if (!node.isObject()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "an event must be a JSON object: " + node);
        }
        PageViewEvent event;
        try {
            event = json.treeToValue(node, PageViewEvent.class);
        } catch (JacksonException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed event: " + e.getOriginalMessage(), e);
        }
        return event.toRow(clock);
    }
}
