package org.tongxin.platform.audit;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.tongxin.platform.AuditLog;

/**
 * What the audit tests start from: the log to append to, the database under it and the {@link ChainFixtures}
 * built on both. The test classes carry {@code @PlatformTest} themselves.
 */
public abstract class AuditChainTestSupport {

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected AuditLog audit;

	@Autowired
	protected PlatformTransactionManager transactionManager;

	protected ChainFixtures chain;

	@BeforeEach
	protected void chainFixtures() {
		chain = new ChainFixtures(jdbc, audit, transactionManager);
	}
}
