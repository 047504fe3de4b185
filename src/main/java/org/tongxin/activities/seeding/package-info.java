/**
 * The activities module's part of the demo data set, seeded by the {@code demo} module in its turn. Nothing but
 * the demo module uses it.
 */
@NullMarked
@NamedInterface("seeding")
package org.tongxin.activities.seeding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
