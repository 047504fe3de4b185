/**
 * The demo data set, seeded on first start in demo mode (the default of {@code ./mvnw spring-boot:run}): it
 * knows every module and tells each, through the module's {@code seeding} interface, what to seed. No module
 * depends on it.
 */
@NullMarked
package org.tongxin.demo;

import org.jspecify.annotations.NullMarked;
