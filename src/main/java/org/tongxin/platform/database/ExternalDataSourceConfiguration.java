package org.tongxin.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.tongxin.platform.exports.ExportPoolProperties;
import org.tongxin.platform.exports.ExportRoutingDataSource;

/**
 * The external PostgreSQL ({@code spring.datasource.url}, TONGXIN_DB_URL): the Hikari pool Spring Boot would
 * build from {@code spring.datasource.*} and {@code spring.datasource.hikari.*}, with the export pool beside it
 * (see {@link ExportRoutingDataSource}). Declared here because Boot's own DataSource backs off as soon as the
 * application declares one, and the routing DataSource has to be the one every repository uses.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isBlank()")
class ExternalDataSourceConfiguration {

	@Bean
	DataSource dataSource(DataSourceProperties properties, Environment environment, ExportPoolProperties exports) {
		HikariDataSource main = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(main));
		if (StringUtils.hasText(properties.getName())) {
			main.setPoolName(properties.getName());
		}
		return new ExportRoutingDataSource(main, exports);
	}
}
