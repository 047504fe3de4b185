/** Activities: demo. */
@NullMarked
package org.tongxin.activities.demo;

import org.jspecify.annotations.NullMarked;
