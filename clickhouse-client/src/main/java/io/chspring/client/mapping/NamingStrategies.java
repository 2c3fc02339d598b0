package io.chspring.client.mapping;

/** Implementations of the built-in {@link NamingStrategy} constants. */
final class NamingStrategies {

    private NamingStrategies() {
    }

    /**
     * An underscore goes before an upper-case letter that follows a lower-case letter or digit, and before the last
     * upper-case letter of a run that a lower-case letter follows ({@code HTTPStatus}: {@code http_status}).
     */
    static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char prev = name.charAt(i - 1);
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    sb.append('_');
                }
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
