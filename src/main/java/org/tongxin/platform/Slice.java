package org.tongxin.platform;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paged list: the items shown and the cursor of the next page, null on the last. The
 * query is asked for one item more than the page holds; that one, if it comes, only says that another page
 * follows, and the cursor is taken from the last item shown.
 *
 * <pre>
 * Slice&lt;Person&gt; slice = Slice.of(limit -&gt; registry.page(filter, before, limit), 50, person -&gt; person.id().value());
 * </pre>
 */
public record Slice<T>(List<T> items, @Nullable String next) {

	public static <T> Slice<T> of(IntFunction<List<T>> query, int size, Function<? super T, ?> cursor) {
		List<T> fetched = query.apply(size + 1);
		if (fetched.size() <= size) {
			return new Slice<>(fetched, null);
		}
		List<T> shown = List.copyOf(fetched.subList(0, size));
		return new Slice<>(shown, String.valueOf(cursor.apply(shown.getLast())));
	}

	public boolean hasNext() {
		return next != null;
	}
}
