package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoModeTests {

	static final String EXTERNAL = "jdbc:postgresql://db.example:5432/tongxin";

	@Test
	void theEmbeddedDatabaseRunsTheDemoByDefault() {
		DemoMode demo = new DemoMode(new MockEnvironment());
		assertThat(demo.embeddedDatabase()).isTrue();
		assertThat(demo.enabled()).isTrue();
	}

	@Test
	void anExternalDatabaseRunsWithoutDemoByDefault() {
		DemoMode demo = new DemoMode(new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL));
		assertThat(demo.embeddedDatabase()).isFalse();
		assertThat(demo.enabled()).isFalse();
	}

	@Test
	void theDemoRefusesAnExternalDatabaseUnlessForced() {
		assertThatIllegalStateException().isThrownBy(() -> new DemoMode(new MockEnvironment()
			.withProperty("spring.datasource.url", EXTERNAL)
			.withProperty("tongxin.demo.mode", "on"))).withMessageContaining("refuses");

		DemoMode forced = new DemoMode(new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL)
			.withProperty("tongxin.demo.mode", "on")
			.withProperty("tongxin.demo.force", "true"));
		assertThat(forced.enabled()).isTrue();
	}

	@Test
	void theDemoCanBeSwitchedOffOnTheEmbeddedDatabase() {
		assertThat(new DemoMode(new MockEnvironment().withProperty("tongxin.demo.mode", "off")).enabled()).isFalse();
	}
}
