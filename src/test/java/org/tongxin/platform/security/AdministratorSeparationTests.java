package org.tongxin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * 三员分立: the system, security and audit administrators each reach only their own screens, and none
 * of them reaches programme data; programme staff reach none of the administrators' screens.
 */
@PlatformTest
class AdministratorSeparationTests {

	@Autowired
	MockMvcTester mvc;

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource({
			"admin,    /system/units,                200",
			"admin,    /system/settings,             200",
			"admin,    /admin/accounts,              403",
			"admin,    /audit,                       403",
			"admin,    /programme,                   403",
			"admin,    /programme/sites,             403",
			"admin,    /api/v1/programme/sites,      403",
			"admin,    /actuator/auditchain,         403",
			"secadmin, /admin/accounts,              200",
			"secadmin, /system/units,                403",
			"secadmin, /system/settings,             403",
			"secadmin, /audit,                       403",
			"secadmin, /programme,                   403",
			"secadmin, /api/v1/programme/cities,     403",
			"auditor,  /audit,                       200",
			"auditor,  /admin/accounts,              403",
			"auditor,  /system/units,                403",
			"auditor,  /programme/sites,             403",
			"auditor,  /api/v1/programme/sites,      403",
			"central,  /programme,                   200",
			"central,  /admin/accounts,              403",
			"central,  /audit,                       403",
			"central,  /system/units,                403",
			"central,  /actuator/prometheus,         403",
			"chengdu,  /system/settings,             403",
			"reviewer, /admin/accounts,              403" })
	void eachRoleReachesOnlyItsOwnScreens(String user, String path, int status) {
		MockHttpSession session = SignIn.as(mvc, user);
		assertThat(mvc.get().uri(path).session(session)).hasStatus(status);
	}
}
