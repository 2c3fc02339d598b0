package io.chspring.data.repository;

import io.chspring.data.mapping.Column;
import io.chspring.data.mapping.Table;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * Nullable, flag, array and renamed columns, for the keywords Event cannot show. The flag is an int: 18.16 has no
 * Bool type and the client maps UInt8 to short/int/long only.
 */
@Table("items")
public record Item(@Id long id, @Column("note_text") String note, int active, List<String> tags) {
}
