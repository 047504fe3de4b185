package org.tongxin.platform.accounts;

import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.UnitId;

/**
 * The accounts a new installation starts with. In demo mode: the published demo accounts. Otherwise:
 * one system administrator with a random one-time password, printed once, to be changed at first sign-in.
 */
@Component
@Order(0)
class AccountBootstrap implements ApplicationRunner {

	/** The password of every demo account, as published in the README. */
	static final String DEMO_PASSWORD = "Tongxin@2018";

	private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

	private record DemoAccount(String username, String displayName, long unit, String role) {
	}

	private static final DemoAccount[] DEMO = {
			new DemoAccount("admin", "系统管理员", 1, Roles.SYSTEM_ADMIN),
			new DemoAccount("secadmin", "安全管理员", 1, Roles.SECURITY_ADMIN),
			new DemoAccount("auditor", "安全审计员", 1, Roles.AUDIT_ADMIN),
			new DemoAccount("central", "新阶层工作局", 1, Roles.CENTRAL_OFFICE),
			new DemoAccount("sichuan", "四川省委统战部", 510000, Roles.STAFF),
			new DemoAccount("chengdu", "成都市委统战部", 510100, Roles.STAFF),
			new DemoAccount("shenzhen", "深圳市委统战部", 440300, Roles.STAFF),
			new DemoAccount("yuzhong", "渝中区委统战部", 500103, Roles.STAFF),
			new DemoAccount("reviewer", "评审专家", 1, Roles.REVIEWER),
			new DemoAccount("reviewer2", "评审专家（上海）", 1, Roles.REVIEWER),
			new DemoAccount("reviewer3", "评审专家（广州）", 1, Roles.REVIEWER),
			new DemoAccount("reviewer4", "评审专家（西安）", 1, Roles.REVIEWER) };

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final DemoMode demoMode;

	private final AuditLog audit;

	AccountBootstrap(Accounts accounts, PasswordEncoder encoder, DemoMode demoMode, AuditLog audit) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.demoMode = demoMode;
		this.audit = audit;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (demoMode.enabled()) {
			String hash = encoder.encode(DEMO_PASSWORD);
			for (DemoAccount demo : DEMO) {
				if (!accounts.exists(demo.username())) {
					long id = accounts.create(demo.username(), demo.displayName(), new UnitId(demo.unit()), hash, false,
							Set.of(demo.role()));
					audit.append("system", UnitId.CENTRAL, AuditLog.Action.CREATE, "account", id,
							Map.of("after", Map.of("username", demo.username(), "role", demo.role(), "demo", true)), null);
				}
			}
		}
		else if (!accounts.any()) {
			String password = OneTimePasswords.generate();
			long id = accounts.create("admin", "系统管理员", UnitId.CENTRAL, encoder.encode(password), true,
					Set.of(Roles.SYSTEM_ADMIN));
			audit.append("system", UnitId.CENTRAL, AuditLog.Action.CREATE, "account", id,
					Map.of("after", Map.of("username", "admin", "role", Roles.SYSTEM_ADMIN)), null);
			// Printed once to the console, never logged to a file: it is changed at the first sign-in.
			System.out.println("""

					============================================================
					 Tongxin 首次启动 / first start
					 系统管理员 admin 的一次性密码 / one-time password: %s
					 首次登录后必须修改 / must be changed at first sign-in
					============================================================
					""".formatted(password));
			log.info("Created the initial system administrator 'admin'");
		}
	}
}
