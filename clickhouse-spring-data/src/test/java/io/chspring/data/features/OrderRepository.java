package io.chspring.data.features;

import io.chspring.data.features.Order.Money;
import io.chspring.data.features.Order.OrderId;
import io.chspring.data.repository.ClickHouseRepository;
import io.chspring.data.repository.Query;
import java.util.Collection;
import java.util.List;

public interface OrderRepository extends ClickHouseRepository<Order, OrderId> {

    List<Order> findByAmountGreaterThanOrderById(Money amount);

    List<Order> findByIdInOrderById(Collection<OrderId> ids);

    @Query("SELECT ?fields FROM orders WHERE amount >= :min ORDER BY id")
    List<Order> atLeast(Money min);
}
