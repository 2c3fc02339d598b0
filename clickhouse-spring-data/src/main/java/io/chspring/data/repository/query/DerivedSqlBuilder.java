package io.chspring.data.repository.query;

import io.chspring.data.core.EntitySql;
import io.chspring.data.mapping.ClickHousePersistentEntity;
import io.chspring.data.mapping.ClickHousePersistentProperty;
import io.chspring.data.repository.query.Binding.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * Turns a {@link PartTree} into a {@link DerivedSql}, checking everything that can be checked before the first call:
 * every property is mapped, every keyword has a ClickHouse form, the method has enough arguments. A failure is an
 * {@link IllegalArgumentException} saying what is wrong; the caller names the method.
 *
 * <p>Keywords: {@code Is/Equals}, {@code Not}, {@code Between} (inclusive), {@code LessThan(Equal)},
 * {@code GreaterThan(Equal)}, {@code Before}, {@code After}, {@code In}, {@code NotIn} (tuple literals),
 * {@code Like}, {@code NotLike} (the argument is the pattern), {@code StartingWith}, {@code EndingWith},
 * {@code Containing}, {@code NotContaining} ({@code LIKE} with {@code %}, {@code _} and {@code \} escaped;
 * {@code has(array, x)} for array properties), {@code IsNull}, {@code IsNotNull}, {@code True}, {@code False},
 * {@code IsEmpty}, {@code IsNotEmpty} ({@code empty()}), {@code Regex} ({@code match()}), {@code IgnoreCase}
 * ({@code lowerUTF8()} on both sides; String properties only), {@code And}, {@code Or}. {@code Near},
 * {@code Within}, {@code Exists} and nested property paths are refused.
 */
final class DerivedSqlBuilder {

    private final ClickHousePersistentEntity<?> entity;
    private final int bindableParameters;
    private final List<Binding> bindings = new ArrayList<>();
    private int nextParameter;

    private DerivedSqlBuilder(ClickHousePersistentEntity<?> entity, int bindableParameters) {
        this.entity = entity;
        this.bindableParameters = bindableParameters;
    }

    /**
     * The prepared query for {@code tree} over {@code entity}, whose method has {@code bindableParameters}
     * arguments that are values (not {@code Sort}/{@code Pageable}).
     *
     * @throws IllegalArgumentException when the tree cannot be honoured
     */
    static DerivedSql build(PartTree tree, ClickHousePersistentEntity<?> entity, int bindableParameters) {
        return new DerivedSqlBuilder(entity, bindableParameters).build(tree);
    }

    private DerivedSql build(PartTree tree) {
        List<String> ors = new ArrayList<>();
        for (PartTree.OrPart or : tree) {
            StringJoiner and = new StringJoiner(" AND ");
            for (Part part : or) {
                and.add(predicate(part));
            }
            ors.add(and.toString());
        }
        String condition = ors.size() == 1 ? ors.get(0)
                : ors.stream().map(c -> "(" + c + ")").reduce((a, b) -> a + " OR " + b).orElse("");
        if (nextParameter < bindableParameters) {
            throw new IllegalArgumentException("The method has " + bindableParameters + " value argument(s) but its "
                    + "criteria use " + nextParameter);
        }
        tree.getSort().forEach(order -> property(order.getProperty()));
        DerivedSql.Kind kind = tree.isDelete() ? DerivedSql.Kind.DELETE
                : tree.isCountProjection() ? DerivedSql.Kind.COUNT
                : tree.isExistsProjection() ? DerivedSql.Kind.EXISTS : DerivedSql.Kind.SELECT;
        return new DerivedSql(kind, entity, condition, bindings, tree.isDistinct(), tree.getSort(),
                tree.getMaxResults());
    }

    private String predicate(Part part) {
        ClickHousePersistentProperty property = property(part.getProperty());
        String column = EntitySql.column(property);
        boolean ignoreCase = ignoreCase(part, property);
        String lhs = ignoreCase ? "lowerUTF8(" + column + ")" : column;
        boolean array = property.isCollectionLike();
        return switch (part.getType()) {
            case SIMPLE_PROPERTY -> lhs + " = " + value(ignoreCase);
            case NEGATING_SIMPLE_PROPERTY -> lhs + " != " + value(ignoreCase);
            case BETWEEN -> lhs + " >= " + value(ignoreCase) + " AND " + lhs + " <= " + value(ignoreCase);
            case LESS_THAN, BEFORE -> lhs + " < " + value(ignoreCase);
            case LESS_THAN_EQUAL -> lhs + " <= " + value(ignoreCase);
            case GREATER_THAN, AFTER -> lhs + " > " + value(ignoreCase);
            case GREATER_THAN_EQUAL -> lhs + " >= " + value(ignoreCase);
            case IN -> placeholder(ignoreCase ? Transform.IN_IGNORE_CASE : Transform.IN, lhs);
            case NOT_IN -> placeholder(ignoreCase ? Transform.NOT_IN_IGNORE_CASE : Transform.NOT_IN, lhs);
            case LIKE -> lhs + " LIKE " + value(ignoreCase);
            case NOT_LIKE -> lhs + " NOT LIKE " + value(ignoreCase);
            case STARTING_WITH -> lhs + " LIKE " + like(Transform.STARTING, ignoreCase);
            case ENDING_WITH -> lhs + " LIKE " + like(Transform.ENDING, ignoreCase);
            case CONTAINING -> array ? "has(" + column + ", " + value(false) + ")"
                    : lhs + " LIKE " + like(Transform.CONTAINING, ignoreCase);
            case NOT_CONTAINING -> array ? "NOT has(" + column + ", " + value(false) + ")"
                    : lhs + " NOT LIKE " + like(Transform.CONTAINING, ignoreCase);
            case IS_NULL -> column + " IS NULL";
            case IS_NOT_NULL -> column + " IS NOT NULL";
            case TRUE -> column + " = 1";
            case FALSE -> column + " = 0";
            case IS_EMPTY -> "empty(" + column + ")";
            case IS_NOT_EMPTY -> "notEmpty(" + column + ")";
            case REGEX -> "match(" + column + ", " + value(false) + ")";
            case NEAR, WITHIN, EXISTS -> throw new IllegalArgumentException("Keyword "
                    + part.getType().getKeywords().iterator().next() + " (" + part.getType().name() + ") on property '"
                    + part.getProperty().getSegment() + "' has no ClickHouse form");
        };
    }

    private static boolean ignoreCase(Part part, ClickHousePersistentProperty property) {
        boolean text = CharSequence.class.isAssignableFrom(property.getType());
        return switch (part.shouldIgnoreCase()) {
            case NEVER -> false;
            case WHEN_POSSIBLE -> text;
            case ALWAYS -> {
                if (!text) {
                    throw new IllegalArgumentException("IgnoreCase on property '" + property.getName() + "' of type "
                            + property.getType().getName() + ": only String properties can ignore case");
                }
                yield true;
            }
        };
    }

    private ClickHousePersistentProperty property(PropertyPath path) {
        if (path.hasNext()) {
            throw new IllegalArgumentException("Nested property path '" + path.toDotPath() + "' is not supported; "
                    + "query nested values with @Query");
        }
        return property(path.getSegment());
    }

    private ClickHousePersistentProperty property(String name) {
        ClickHousePersistentProperty property = entity.getPersistentProperty(name);
        if (property == null) {
            throw new IllegalArgumentException("No mapped property '" + name + "' on " + entity.getName()
                    + " (is it @Transient?)");
        }
        return property;
    }

    private String value(boolean ignoreCase) {
        String p = placeholder(Transform.AS_IS, null);
        return ignoreCase ? "lowerUTF8(" + p + ")" : p;
    }

    private String like(Transform transform, boolean ignoreCase) {
        String p = placeholder(transform, null);
        return ignoreCase ? "lowerUTF8(" + p + ")" : p;
    }

    private String placeholder(Transform transform, String expression) {
        if (nextParameter >= bindableParameters) {
            throw new IllegalArgumentException("The criteria need more than the method's " + bindableParameters
                    + " value argument(s)");
        }
        String name = "p" + bindings.size();
        bindings.add(new Binding(name, nextParameter++, transform, expression));
        return ":" + name;
    }
}
