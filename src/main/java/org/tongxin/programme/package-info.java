/**
 * The programme map: the 49 cities of practice-innovation bases with their tier and rank, the bases,
 * and the demonstration sites (示范点) in cities and districts. Key projects and reviews will join here.
 */
@NullMarked
package org.tongxin.programme;

import org.jspecify.annotations.NullMarked;
