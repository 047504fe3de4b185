/** Activities: web. */
@NullMarked
package org.tongxin.activities.web;

import org.jspecify.annotations.NullMarked;
