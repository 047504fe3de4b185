/**
 * The platform every module stands on: the unit hierarchy and data scope, accounts and roles,
 * the audit log, security, i18n and the web shell. Other modules use only the types of this package.
 */
@NullMarked
package org.tongxin.platform;

import org.jspecify.annotations.NullMarked;
