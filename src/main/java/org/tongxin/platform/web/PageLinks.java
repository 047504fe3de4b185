package org.tongxin.platform.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The links of the one pager (fragments/pager.html): the page being shown, with its keyset cursor set to the
 * next page's or removed for the first page, and every other parameter (the filters) exactly as the browser
 * sent it. Pages have it as the model attribute {@code pageLinks} (ShellAdvice).
 */
@Component("pageLinks")
public class PageLinks {

	/** This page's path and query with {@code cursor} as the value of {@code parameter}; null removes it. */
	public String with(String parameter, @Nullable Object cursor) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString());
		if (request.getQueryString() == null && "GET".equals(request.getMethod())) {
			// A request built in code (MockMvc) may carry its parameters without a query string.
			request.getParameterMap().forEach((name, values) -> {
				for (String value : values) {
					link.queryParam(UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8),
							UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
				}
			});
		}
		if (cursor == null) {
			link.replaceQueryParam(parameter);
		}
		else {
			// A cursor is a number: nothing to encode, and the rest of the query is already encoded.
			link.replaceQueryParam(parameter, Long.parseLong(cursor.toString()));
		}
		return link.build(true).toUriString();
	}

	/** Whether the page being shown is past the first: its request carries the cursor parameter. */
	public boolean paged(String parameter) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		String value = request.getParameter(parameter);
		return value != null && !value.isBlank();
	}
}
