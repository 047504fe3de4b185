package org.tongxin.platform.web;

import java.time.Clock;
import java.time.LocalDate;
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
 * {@link Clock}, {@code tongxin.time-zone}) instead, so no template has to remember to convert. It also gives
 * {@code #today}, the application's date from that clock, for records that reckon with today (an age, a term
 * still running, a task overdue): the JVM's date is yesterday until 08:00 Beijing time on a UTC server.
 */
@Configuration(proxyBeanMethods = false)
class DisplayTimeConfiguration {

	@Bean
	DisplayTimeDialect displayTimeDialect(Clock clock) {
		return new DisplayTimeDialect(clock);
	}

	/**
	 * Thymeleaf asks the expression-object factories of its dialects from the last added to the first, so
	 * this one, added after the standard dialect, answers {@code #temporals}.
	 */
	static final class DisplayTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

		private static final String TEMPORALS = "temporals";

		private static final String TODAY = "today";

		private final Clock clock;

		private final ZoneId zone;

		DisplayTimeDialect(Clock clock) {
			super("tongxin-display-time");
			this.clock = clock;
			this.zone = clock.getZone();
		}

		@Override
		public IExpressionObjectFactory getExpressionObjectFactory() {
			return new IExpressionObjectFactory() {

				@Override
				public Set<String> getAllExpressionObjectNames() {
					return Set.of(TEMPORALS, TODAY);
				}

				@Override
				public Object buildObject(IExpressionContext context, String expressionObjectName) {
					if (TODAY.equals(expressionObjectName)) {
						return LocalDate.now(clock);
					}
					return new Temporals(context.getLocale(), zone);
				}

				@Override
				public boolean isCacheable(String expressionObjectName) {
					// Cached per template execution only: one page has one today.
					return true;
				}
			};
		}
	}
}
