package org.callcentre.crm.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The envelope of every successful answer: {@code {"success":true,"data":…}}, lists with pagination.
 *
 * @param next for a list read by cursor, what to send as {@code after} for the rows after these;
 *             absent on the last page and on lists without cursors
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, Pagination pagination, String next) {

    public static <T> ApiResponse<T> of(T data) {
        return new ApiResponse<>(true, data, null, null);
    }

    public static <T> ApiResponse<List<T>> page(Page<T> page) {
        return new ApiResponse<>(true, page.items(), page.pagination(), null);
    }

    /** @param pagination page numbers and the total, or null when the total was not counted */
    public static <T> ApiResponse<List<T>> page(List<T> items, Pagination pagination, String next) {
        return new ApiResponse<>(true, items, pagination, next);
    }
}
