package org.tongxin.activities;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** The feedback on one event: how many gave it, and the average 满意度 and 获得感 to two places (null when none). */
public record EventFeedback(long feedbacks, @Nullable BigDecimal satisfaction, @Nullable BigDecimal gain) {
}
