package io.chspring.data.repository;

import io.chspring.data.mapping.Column;
import io.chspring.data.mapping.Table;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * Nullable, flag, array and renamed columns, for the keywords Event cannot show. The flag is a boolean over a UInt8
 * column: 18.16 has no Bool type.
 */
@Table("items")
public record Item(@Id long id, @Column("note_text") String note, boolean active, List<String> tags) {
}
