/** Screens and API of the people registry. */
@NullMarked
package org.tongxin.people.web;

import org.jspecify.annotations.NullMarked;
