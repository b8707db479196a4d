package org.callcentre.crm.shared;

import java.util.List;
import java.util.function.Function;

public record Page<T>(List<T> items, Pagination pagination) {
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), pagination);
    }
}
