package org.tongxin.platform.web;

import java.util.List;
import java.util.function.LongUnaryOperator;

import org.springframework.modulith.NamedInterface;
import org.springframework.ui.Model;
import org.tongxin.platform.Slice;

/**
 * What a list page puts into its model for the pager (fragments/pager.html): the rows of the page shown, the
 * cursor of the next page, and how many rows the whole list has.
 */
@NamedInterface("web")
public final class ListPages {

	/** Lists count exactly up to here; beyond it they say "more than 10,000". */
	public static final long COUNT_CAP = 10_000;

	private ListPages() {
	}

	/** The page's rows under {@code rows} and the next page's cursor as {@code nextBefore} (null on the last page). */
	public static <T> List<T> show(Model model, String rows, Slice<T> slice) {
		return show(model, rows, slice, "nextBefore");
	}

	/** The page's rows under {@code rows} and the next page's cursor under {@code next}. */
	public static <T> List<T> show(Model model, String rows, Slice<T> slice, String next) {
		model.addAttribute(rows, slice.items());
		model.addAttribute(next, slice.next());
		return slice.items();
	}

	/**
	 * The list's {@code total}, exact up to {@link #COUNT_CAP} and then {@code totalCapped}: a province's count
	 * must not read its whole index per view. {@code countUpTo} is the list's count that stops at the number given.
	 */
	public static void showCappedTotal(Model model, LongUnaryOperator countUpTo) {
		long total = countUpTo.applyAsLong(COUNT_CAP + 1);
		model.addAttribute("total", Math.min(total, COUNT_CAP));
		model.addAttribute("totalCapped", total > COUNT_CAP);
	}
}
