/**
 * What other modules' demo data may read of key projects, before any account exists: no data scope applies
 * (the demo is seeded by the system). Nothing outside demo data uses it.
 */
@NullMarked
@NamedInterface("seeding")
package org.tongxin.projects.seeding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
