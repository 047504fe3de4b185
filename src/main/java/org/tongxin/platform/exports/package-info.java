/**
 * The export pool: streamed exports take their connections from a second, small pool, so that a few large ones
 * cannot hold every connection the pages need (docs/decisions/0011).
 */
@NullMarked
package org.tongxin.platform.exports;

import org.jspecify.annotations.NullMarked;
