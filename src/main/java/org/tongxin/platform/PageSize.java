package org.tongxin.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How many rows a list page shows: the list's own number, or the one the user chose in the pager
 * ({@code size}, one of {@link #CHOICES}). Anything else asked for is ignored, so a crafted size cannot make
 * a page read ten thousand rows.
 */
public final class PageSize {

	/** What the pager offers. */
	public static final List<Integer> CHOICES = List.of(20, 50, 100);

	public static final String PARAMETER = "size";

	private PageSize() {
	}

	/** The size the current request chose, if it is one of the choices; otherwise {@code standard}. */
	public static int chosen(int standard) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return standard;
		}
		HttpServletRequest request = servlet.getRequest();
		String asked = request.getParameter(PARAMETER);
		if (asked != null) {
			for (Integer choice : CHOICES) {
				if (choice.toString().equals(asked.strip())) {
					return choice;
				}
			}
		}
		return standard;
	}
}
