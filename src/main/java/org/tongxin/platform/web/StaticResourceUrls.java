package org.tongxin.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Rewrites the links of static resources in pages (a version-less webjar path such as
 * "/webjars/bootstrap/css/bootstrap.min.css" to the versioned one), and only those.
 * <p>
 * Spring Boot registers {@link ResourceUrlEncodingFilter} because webjars-locator-lite is on the class path.
 * That filter sends every link of a page through the resource chain, which looks each one up on the class
 * path and caches only what it finds: a list of fifty persons, each with a link to its page, cost some fifty
 * jar lookups, about 60 ms of a 90 ms page (measured with JFR on the 10 M registry). This filter, being a
 * {@code ResourceUrlEncodingFilter}, replaces Boot's and asks the chain about the static folders alone.
 */
@Component
class StaticResourceUrls extends ResourceUrlEncodingFilter {

	/** The folders under src/main/resources/static and the webjars: nothing else is a static resource. */
	static final List<String> STATIC = List.of("/webjars/", "/css/", "/js/", "/img/");

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(request, new HttpServletResponseWrapper(httpResponse) {

			@Override
			public String encodeURL(String url) {
				String path = url.startsWith(http.getContextPath()) ? url.substring(http.getContextPath().length()) : url;
				// Exposed to the request by Spring MVC's interceptor, as for Spring's own filter.
				ResourceUrlProvider resources = (ResourceUrlProvider) http
					.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR);
				if (resources != null && STATIC.stream().anyMatch(path::startsWith)) {
					String resolved = resources.getForRequestUrl(http, url);
					if (resolved != null) {
						return super.encodeURL(resolved);
					}
				}
				return super.encodeURL(url);
			}
		});
	}
}
