package org.tongxin.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.SortOrder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The links of the one pager (fragments/pager.html): the page being shown, with its keyset cursor set to the
 * next page's or removed for the first page, and every other parameter (the filters) as the page received
 * it. Pages have it as the model attribute {@code pageLinks} (ShellAdvice).
 * <p>
 * The link is built from the request's decoded parameters and encoded again, not from its raw query string:
 * a client may send characters a URI must not carry, and a cursor may be more than a number (a time and an
 * id). Lists are GET pages; a page rendered for another method (a form shown again with its errors) keeps
 * only the cursor, never the fields it posted.
 */
@Component
public class PageLinks {

	/** The page number the pager carries from page to page. */
	static final String PAGE = "page";

	/**
	 * This page's path and parameters with {@code cursor} as the value of {@code parameter} (null removes it),
	 * then {@code anchor} ("" or "#section"). Whole here, not joined in the template: SpEL refuses to join
	 * strings beyond 100,000 characters, and a filter value may be that long.
	 */
	public String with(String parameter, @Nullable Object cursor, String anchor) {
		UriComponentsBuilder link = keeping(parameter, PAGE);
		if (cursor != null) {
			link.queryParam(PAGE, page(parameter) + 1);
			link.queryParam(encode(parameter), encode(cursor.toString()));
		}
		return link.build(true).toUriString() + anchor;
	}

	/** The first page of this list with {@code size} rows a page (the cursor and the page number removed). */
	public String sized(String parameter, int size, String anchor) {
		UriComponentsBuilder link = keeping(parameter, PAGE, PageSize.PARAMETER);
		link.queryParam(PageSize.PARAMETER, size);
		return link.build(true).toUriString() + anchor;
	}

	/**
	 * The number of the page shown: 1 on the first, then counted by the pager's own links (a keyset page knows
	 * the row it starts after, not how many rows lie before it; the count is carried along instead).
	 */
	public int page(String parameter) {
		if (!paged(parameter)) {
			return 1;
		}
		String page = request().getParameter(PAGE);
		try {
			return page == null ? 2 : Math.clamp(Integer.parseInt(page.strip()), 2, 1_000_000);
		}
		catch (NumberFormatException e) {
			return 2;
		}
	}

	/**
	 * The first page of this list sorted by {@code key}: ascending, or descending when it is sorted by that key
	 * ascending already (a second click turns the order). The cursors and the page number are dropped; the
	 * filters and the page size stay.
	 */
	public String sorted(String key, String anchor) {
		UriComponentsBuilder link = keeping(PAGE, SortOrder.PARAMETER, "before", "after");
		link.queryParam(SortOrder.PARAMETER, key.equals(request().getParameter(SortOrder.PARAMETER)) ? "-" + key : key);
		return link.build(true).toUriString() + anchor;
	}

	/** "ascending", "descending" or "none": how this list is sorted by {@code key} (for aria-sort). */
	public String sortedBy(String key) {
		String sort = request().getParameter(SortOrder.PARAMETER);
		if (key.equals(sort)) {
			return "ascending";
		}
		return ("-" + key).equals(sort) ? "descending" : "none";
	}

	/** The page sizes offered, and the one in force ({@code standard} unless the user chose another). */
	public List<Integer> sizes() {
		return PageSize.CHOICES;
	}

	public boolean sizeChosen(int size) {
		return Integer.toString(size).equals(request().getParameter(PageSize.PARAMETER));
	}

	public boolean anySizeChosen() {
		return request().getParameter(PageSize.PARAMETER) != null;
	}

	/** This page's path and GET parameters without {@code dropped}. */
	private static UriComponentsBuilder keeping(String... dropped) {
		HttpServletRequest request = request();
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
		if ("GET".equals(request.getMethod())) {
			for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
				if (List.of(dropped).contains(entry.getKey())) {
					continue;
				}
				for (String value : entry.getValue()) {
					link.queryParam(encode(entry.getKey()), encode(value));
				}
			}
		}
		return link;
	}

	/** Whether the page being shown is past the first: its request carries the cursor parameter. */
	public boolean paged(String parameter) {
		String value = request().getParameter(parameter);
		return value != null && !value.isBlank();
	}

	private static String encode(String text) {
		return UriUtils.encodeQueryParam(text, StandardCharsets.UTF_8);
	}

	private static HttpServletRequest request() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}
}
