package org.tongxin.platform.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Where signed-in sessions live ({@code tongxin.sessions.store}, decision 0013).
 *
 * <ul>
 * <li>{@code database}: Spring Session JDBC, tables {@code platform_session*}. Every node of an installation
 * sees every session, so a person signed in on node A goes on on node B, and disabling an account on one node
 * ends its sessions on all of them.</li>
 * <li>{@code memory}: the servlet container's sessions, in this process.</li>
 * <li>{@code auto} (default): {@code database} with an external PostgreSQL (the only set-up in which several
 * nodes can share the data), {@code memory} with the embedded one, which belongs to one process.</li>
 * </ul>
 */
final class SessionStoreConfiguration {

	static final String DATABASE = "'${tongxin.sessions.store:auto}' == 'database' or "
			+ "('${tongxin.sessions.store:auto}' == 'auto' and !'${spring.datasource.url:}'.isBlank())";

	private SessionStoreConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnExpression(DATABASE)
	@EnableJdbcHttpSession(tableName = "platform_session")
	static class InTheDatabase {

		/** The idle limit of server.servlet.session.timeout (30 minutes, 等保2.0) for sessions in the database too. */
		@Bean
		SessionRepositoryCustomizer<JdbcIndexedSessionRepository> idleLimit(
				@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
			return repository -> repository.setDefaultMaxInactiveInterval(timeout);
		}

		/** The cookie as the container's: HttpOnly, SameSite=Lax, Secure behind HTTPS; the value not Base64'd. */
		@Bean
		CookieSerializer sessionCookie() {
			DefaultCookieSerializer cookie = new DefaultCookieSerializer();
			cookie.setUseHttpOnlyCookie(true);
			cookie.setSameSite("Lax");
			cookie.setUseBase64Encoding(false);
			return cookie;
		}

		/** The registry AccountSessions ends sessions through: the sessions of an account, by its name, on every node. */
		@Bean
		SessionRegistry sessionRegistry(JdbcIndexedSessionRepository sessions) {
			return new SpringSessionBackedSessionRegistry<>(sessions);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnExpression("!(" + DATABASE + ")")
	static class InMemory {

		@Bean
		SessionRegistry sessionRegistry() {
			return new SessionRegistryImpl();
		}
	}
}
