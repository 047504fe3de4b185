package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tongxin.organisations.Organisations;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.PersonFilter;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.UnitId;

/**
 * The few facade methods that ignore data scope (for demo data) refuse to run for a signed-in account, so a
 * controller that calls one by mistake fails loudly instead of showing another unit's data.
 */
@PlatformTest
class SystemOnlyMethodsTests {

	@Autowired
	PeopleRegistry people;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService accounts;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void methodsThatIgnoreScopeRefuseASignedInAccount() {
		UnitId shenzhen = new UnitId(440300);
		assertThat(people.sampleIn(shenzhen, PersonFilter.none(), 5)).isNotEmpty();
		assertThat(organisations.named(new UnitId(310000), "上海市自媒体联盟")).isPresent();

		SignIn.onThisThread(accounts, "chengdu");
		assertThatIllegalStateException().isThrownBy(() -> people.sampleIn(shenzhen, PersonFilter.none(), 5));
		assertThatIllegalStateException().isThrownBy(() -> organisations.named(new UnitId(310000), "上海市自媒体联盟"));
	}
}
