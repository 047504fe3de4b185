/** The audit administrator's screens: the log with filters and Excel export, and the chain verification. */
@NullMarked
package org.tongxin.platform.audit.web;

import org.jspecify.annotations.NullMarked;
