/** Activities: internal. */
@NullMarked
package org.tongxin.activities.internal;

import org.jspecify.annotations.NullMarked;
