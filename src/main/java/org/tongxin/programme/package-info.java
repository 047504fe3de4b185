/**
 * The programme map: the 49 cities of practice-innovation bases with their tier and rank, the bases, the
 * demonstration sites (示范点) in cities and districts, and the coverage they reach. Key projects
 * ({@code projects}) and their reviews ({@code reviews}) are modules of their own that build on this map.
 */
@NullMarked
package org.tongxin.programme;

import org.jspecify.annotations.NullMarked;
