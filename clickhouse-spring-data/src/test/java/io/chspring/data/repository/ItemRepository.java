package io.chspring.data.repository;

import java.util.List;

public interface ItemRepository extends ClickHouseRepository<Item, Long> {

    List<Item> findByNoteIsNullOrderById();

    List<Item> findByNoteIsNotNullOrderById();

    List<Item> findByActiveTrueOrderById();

    List<Item> findByActiveFalseOrderById();

    List<Item> findByTagsContainingOrderById(String tag);

    List<Item> findByTagsIsEmpty();
}
