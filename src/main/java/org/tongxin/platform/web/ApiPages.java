package org.tongxin.platform.web;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.tongxin.platform.Slice;

/**
 * The keyset pages of the API's lists: a client asks for {@code size} items (1 to {@link #MAX_SIZE}) after
 * {@code cursor}, the id of the last item it has (none for the first page), and gets the items with the
 * next page's cursor, null on the last page.
 */
@NamedInterface("web")
public final class ApiPages {

	/** The most items one page of the API holds, so that no request reads a whole table. */
	public static final int MAX_SIZE = 500;

	private ApiPages() {
	}

	/**
	 * The page asked for: {@code query} reads up to {@code limit} items after the given id (null for the
	 * first page); {@code id} is an item's id, the next page's cursor when it is the last one shown.
	 */
	public static <T> Slice<T> read(@Nullable String cursor, int size,
			BiFunction<@Nullable Long, Integer, List<T>> query, Function<? super T, ?> id) {
		Long after = cursor == null || cursor.isBlank() ? null : Long.valueOf(cursor);
		return Slice.of(limit -> query.apply(after, limit), Math.clamp(size, 1, MAX_SIZE), id);
	}

	/** The page's items as the API shows them. */
	public static <T, V> List<V> views(Slice<T> slice, Function<? super T, V> view) {
		return slice.items().stream().map(view).toList();
	}
}
