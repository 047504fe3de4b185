package org.tongxin.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method that sends a file built from the database (an export, a report, a download): every
 * connection it takes comes from the small export pool ({@code tongxin.exports.pool-size}), never from the pool
 * that serves the pages. A large export holds its connection for minutes; on their own pool, a few of them cannot
 * starve the pages, and one too many waits briefly ({@code tongxin.exports.max-wait}) and is then refused with a 503
 * ("导出任务较多，请稍后再试"). See docs/decisions/0011.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StreamedExport {
}
