package org.tongxin.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongxin.platform.DemoMode;

/** What every page of the shell needs: the demo banner and links to the other language. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellAdvice {

	private final DemoMode demoMode;

	ShellAdvice(DemoMode demoMode) {
		this.demoMode = demoMode;
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
