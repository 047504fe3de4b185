/**
 * What other modules' demo data read of organisations, before any account exists: an organisation by its
 * exact name. Nothing but demo data uses it.
 */
@NullMarked
@NamedInterface("seeding")
package org.tongxin.organisations.seeding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
