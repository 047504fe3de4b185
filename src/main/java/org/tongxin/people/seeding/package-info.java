/**
 * What the demo data set gives the people module and may read of it. The registry's synthetic persons are
 * spread over the cities the {@code demo} module names ({@link org.tongxin.people.seeding.DemoCities}), so
 * that people does not depend on the programme map.
 */
@NullMarked
@NamedInterface("seeding")
package org.tongxin.people.seeding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
