package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as a nested {@code Map<String, Object>} (LinkedHashMap, paths in wire order), as JSON text, or as a
 * Jackson 3 JsonNode when Jackson is on the class path.
 *
 * <p>Native binary form (the default): a LEB128 path count, then per path its name and value; typed paths
 * ({@code JSON(a.b UInt32)}) carry a bare value of their type, every other path a Dynamic value. Paths holding
 * NULL are absent. With {@link CodecOptions#jsonAsString()} the value is one JSON text string instead.
 * Writing a Map flattens nested maps into dotted paths and infers the types of plain values the way the server
 * does for JSON documents (Int64, Float64, Bool, String, Array(Nullable(T))); a {@link TypedValue} chooses one.
 */
final class JsonCodec extends BaseCodec<Object> {

    private static final String JSON_NODE = "tools.jackson.databind.JsonNode";

    enum Target { MAP, STRING, JACKSON }

    private final Target target;
    private final boolean asString;
    private final Map<String, ValueCodec<?>> typedPaths = new HashMap<>();
    private final DynamicCodec dynamic;

    private JsonCodec(ClickHouseType type, Class<?> javaType, Target target, CodecOptions options,
            CodecBuilder builder) {
        super(type, javaType);
        this.target = target;
        this.asString = options.jsonAsString();
        for (int i = 0; i < type.children().size(); i++) {
            typedPaths.put(type.names().get(i), builder.build(type.children().get(i), Object.class));
        }
        this.dynamic = new DynamicCodec(ClickHouseType.parse("Dynamic"), false, builder, true);
    }

    static JsonCodec create(ClickHouseType type, Class<?> javaType, CodecOptions options, CodecBuilder builder) {
        if (javaType == Map.class) {
            return new JsonCodec(type, javaType, Target.MAP, options, builder);
        } else if (javaType == String.class) {
            return new JsonCodec(type, javaType, Target.STRING, options, builder);
        } else if (isJackson(javaType)) {
            return new JsonCodec(type, javaType, Target.JACKSON, options, builder);
        }
        return null;
    }

    /** By name, so that nothing loads Jackson unless a caller already holds a Jackson type. */
    private static boolean isJackson(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().equals(JSON_NODE)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object read(RowBinaryInput in) {
        if (asString) {
            String text = in.readString();
            return switch (target) {
                case STRING -> text;
                case MAP -> JsonText.parseObject(text);
                case JACKSON -> JacksonJson.parse(text);
            };
        }
        int n = in.readLength();
        Map<String, Object> root = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String path = in.readString();
            ValueCodec<?> typed = typedPaths.get(path);
            Object value = typed != null ? typed.read(in) : dynamic.read(in);
            if (value != null) {
                put(root, path, value);
            }
        }
        return switch (target) {
            case MAP -> root;
            case STRING -> JsonText.write(root);
            case JACKSON -> JacksonJson.fromMap(root);
        };
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String path, Object value) {
        Map<String, Object> node = root;
        int start = 0;
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', start)) {
            String key = path.substring(start, dot);
            Object child = node.get(key);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(key, child);
            }
            node = (Map<String, Object>) child;
            start = dot + 1;
        }
        node.put(path.substring(start), value);
    }

    @Override
    void encode(RowBinaryOutput out, Object value) {
        if (asString) {
            out.writeString(value instanceof String s ? s : value instanceof Map<?, ?> m ? JsonText.write(m)
                    : isJackson(value.getClass()) ? value.toString() : reject(value));
            return;
        }
        Map<?, ?> map = value instanceof Map<?, ?> m ? m
                : value instanceof String s ? JsonText.parseObject(s)
                : isJackson(value.getClass()) ? JacksonJson.toMap(value) : null;
        if (map == null) {
            reject(value);
        }
        List<String> paths = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        flatten(map, "", paths, values);
        out.writeVarLong(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            out.writeString(path);
            ValueCodec<?> typed = typedPaths.get(path);
            if (typed != null) {
                typed.write(out, values.get(i));
            } else {
                dynamic.write(out, values.get(i));
            }
        }
    }

    private String reject(Object value) {
        throw CodecErrors.notWritable(type, value);
    }

    private void flatten(Map<?, ?> map, String prefix, List<String> paths, List<Object> values) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String path = prefix + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m && !typedPaths.containsKey(path)) {
                flatten(m, path + ".", paths, values);
            } else if (v != null) {
                paths.add(path);
                values.add(v);
            }
        }
    }
}
