package io.chspring.client.mapping.elsewhere;

/**
 * A row record outside the mapping package, so its generated factory lives in another runtime package than the
 * interface it implements.
 */
public record ElsewhereRow(long id, String name) {
}
