package org.tongxin.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the Host header (which the client chooses) out of every URL the application sends back. With
 * {@code tongxin.public-url} set, the request reports that scheme, host and port instead of the client's,
 * so anything that builds an absolute URL builds one on the configured address. In every case a redirect
 * to the request's own host becomes relative ({@code /login}), so neither Spring Security's sign-in redirect
 * nor the redirect to a saved request can send a browser to a host named by an attacker.
 */
class PublicUrlFilter extends OncePerRequestFilter {

	private final @Nullable URI publicUrl;

	PublicUrlFilter(@Nullable URI publicUrl) {
		this.publicUrl = publicUrl;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest served = publicUrl == null ? request : new PublicRequest(request, publicUrl);
		chain.doFilter(served, new RelativeLocations(response, request.getServerName(), publicUrl));
	}

	/** The request as seen from the configured public address. */
	static final class PublicRequest extends HttpServletRequestWrapper {

		private final URI publicUrl;

		PublicRequest(HttpServletRequest request, URI publicUrl) {
			super(request);
			this.publicUrl = publicUrl;
		}

		@Override
		public String getScheme() {
			return publicUrl.getScheme();
		}

		@Override
		public boolean isSecure() {
			return "https".equals(publicUrl.getScheme());
		}

		@Override
		public String getServerName() {
			return publicUrl.getHost();
		}

		@Override
		public int getServerPort() {
			return publicUrl.getPort() != -1 ? publicUrl.getPort() : isSecure() ? 443 : 80;
		}

		@Override
		public StringBuffer getRequestURL() {
			return new StringBuffer(origin(publicUrl)).append(getRequestURI());
		}

		@Override
		public @Nullable String getHeader(String name) {
			return HttpHeaders.HOST.equalsIgnoreCase(name) ? publicUrl.getRawAuthority() : super.getHeader(name);
		}
	}

	/** Redirects to the request's own host lose the host (or get the configured public address). */
	static final class RelativeLocations extends HttpServletResponseWrapper {

		private final String requestHost;

		private final @Nullable URI publicUrl;

		RelativeLocations(HttpServletResponse response, String requestHost, @Nullable URI publicUrl) {
			super(response);
			this.requestHost = requestHost;
			this.publicUrl = publicUrl;
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			super.sendRedirect(rewrite(location));
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? rewrite(value) : value);
		}

		@Override
		public void addHeader(String name, String value) {
			super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? rewrite(value) : value);
		}

		String rewrite(String location) {
			URI uri;
			try {
				uri = new URI(location);
			}
			catch (URISyntaxException e) {
				return location;
			}
			if (!uri.isAbsolute() || uri.getHost() == null) {
				return location;
			}
			boolean own = uri.getHost().equalsIgnoreCase(requestHost)
					|| (publicUrl != null && uri.getHost().equalsIgnoreCase(publicUrl.getHost()));
			if (!own) {
				return location;
			}
			String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
					+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
					+ (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
			return publicUrl == null ? path : origin(publicUrl) + path;
		}
	}

	static String origin(URI url) {
		return url.getScheme() + "://" + url.getRawAuthority();
	}
}
