package org.tongxin.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
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

	/**
	 * This page's path and parameters with {@code cursor} as the value of {@code parameter} (null removes it),
	 * then {@code anchor} ("" or "#section"). Whole here, not joined in the template: SpEL refuses to join
	 * strings beyond 100,000 characters, and a filter value may be that long.
	 */
	public String with(String parameter, @Nullable Object cursor, String anchor) {
		HttpServletRequest request = request();
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
		if ("GET".equals(request.getMethod())) {
			for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
				if (entry.getKey().equals(parameter)) {
					continue;
				}
				for (String value : entry.getValue()) {
					link.queryParam(encode(entry.getKey()), encode(value));
				}
			}
		}
		if (cursor != null) {
			link.queryParam(encode(parameter), encode(cursor.toString()));
		}
		return link.build(true).toUriString() + anchor;
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
