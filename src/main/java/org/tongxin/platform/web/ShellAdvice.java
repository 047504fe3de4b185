package org.tongxin.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.platform.DemoMode;

/** What every page of the shell needs: the demo banner, links to the other language, the pager's links. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellAdvice {

	private final DemoMode demoMode;

	private final PageLinks pageLinks;

	ShellAdvice(DemoMode demoMode, PageLinks pageLinks) {
		this.demoMode = demoMode;
		this.pageLinks = pageLinks;
	}

	/**
	 * The pager's links (fragments/pager.html). A model attribute, not a bean reference: fragment expressions
	 * are evaluated in Thymeleaf's restricted mode, which refuses {@code @bean}.
	 */
	@ModelAttribute("pageLinks")
	PageLinks pageLinks() {
		return pageLinks;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return demoMode.enabled();
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@ModelAttribute("switchToEnglish")
	String switchToEnglish(HttpServletRequest request) {
		return withLanguage(request, "en");
	}

	@ModelAttribute("switchToChinese")
	String switchToChinese(HttpServletRequest request) {
		return withLanguage(request, "zh-CN");
	}

	/** This page in another language, as a path: an absolute URL would carry the client's Host header. */
	private static String withLanguage(HttpServletRequest request, String language) {
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("lang", language)
			.build()
			.toUriString();
	}
}
