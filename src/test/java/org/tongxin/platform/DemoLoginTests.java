package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@PlatformTest
class DemoLoginTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void demoAccountSignsInWithThePublishedPassword() {
		assertThat(mvc.perform(formLogin("/login").user("chengdu").password("Tongxin@2018"))).hasStatus3xxRedirection()
			.hasRedirectedUrl("/");
	}

	@Test
	void wrongPasswordIsRejected() {
		assertThat(mvc.perform(formLogin("/login").user("shenzhen").password("wrong"))).hasRedirectedUrl("/login?error");
	}

	@Test
	void embeddedDatabaseKeepsDataSafely() {
		assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("select datctype from pg_database where datname = current_database()").query(String.class).single())
			.isEqualTo("C.UTF-8");
		assertThat(jdbc.sql("show server_version_num").query(Integer.class).single()).isGreaterThanOrEqualTo(170000);
	}
}
