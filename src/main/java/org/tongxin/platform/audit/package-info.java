/**
 * The audit log for the audit administrator: reading and exporting it, verifying its hash chain and
 * removing entries past the retention period. Writing entries is {@link org.tongxin.platform.AuditLog}.
 */
@NullMarked
package org.tongxin.platform.audit;

import org.jspecify.annotations.NullMarked;
