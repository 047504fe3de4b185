package org.tongxin.platform.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.expression.Temporals;

/**
 * Templates format times with {@code #temporals}, whose zone is the JVM's default: on a server in UTC an
 * {@link java.time.Instant} (created, imported, requested at…) came out 8 hours behind Beijing time. This
 * dialect gives every template a {@code #temporals} in the application's display zone (the zone of the
 * {@link Clock}, {@code tongxin.time-zone}) instead, so no template has to remember to convert.
 */
@Configuration(proxyBeanMethods = false)
class DisplayTimeConfiguration {

	@Bean
	DisplayTimeDialect displayTimeDialect(Clock clock) {
		return new DisplayTimeDialect(clock.getZone());
	}

	/**
	 * Thymeleaf asks the expression-object factories of its dialects from the last added to the first, so
	 * this one, added after the standard dialect, answers {@code #temporals}.
	 */
	static final class DisplayTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

		private static final String TEMPORALS = "temporals";

		private final ZoneId zone;

		DisplayTimeDialect(ZoneId zone) {
			super("tongxin-display-time");
			this.zone = zone;
		}

		@Override
		public IExpressionObjectFactory getExpressionObjectFactory() {
			return new IExpressionObjectFactory() {

				@Override
				public Set<String> getAllExpressionObjectNames() {
					return Set.of(TEMPORALS);
				}

				@Override
				public Object buildObject(IExpressionContext context, String expressionObjectName) {
					return new Temporals(context.getLocale(), zone);
				}

				@Override
				public boolean isCacheable(String expressionObjectName) {
					return true;
				}
			};
		}
	}
}
