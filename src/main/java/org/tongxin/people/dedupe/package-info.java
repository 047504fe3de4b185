/**
 * Duplicates in the people registry: candidate pairs found by weighted rules, reviewed by staff, merged
 * field by field (with undo) or marked as not duplicates.
 */
@NullMarked
package org.tongxin.people.dedupe;

import org.jspecify.annotations.NullMarked;
