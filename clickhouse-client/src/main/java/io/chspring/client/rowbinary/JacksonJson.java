package io.chspring.client.rowbinary;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The only class touching Jackson 3 (an optional dependency); loaded only when a JsonNode is asked for. */
final class JacksonJson {

    private JacksonJson() {
    }

    static Object parse(String text) {
        return JsonMapper.shared().readTree(text);
    }

    static Object fromMap(Map<String, Object> map) {
        return JsonMapper.shared().valueToTree(map);
    }

    static Map<?, ?> toMap(Object node) {
        return JsonMapper.shared().convertValue((JsonNode) node, Map.class);
    }
}
