/**
 * Mid-term reviews (中期评估) of key projects: rounds with their rubric, reviewers and assignments, scores
 * and the round's results by tier. {@link ProjectReviews} is the facade; it reaches projects only through the
 * {@code projects} module's facade.
 */
@NullMarked
package org.tongxin.reviews;

import org.jspecify.annotations.NullMarked;
