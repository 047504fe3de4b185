package org.tongxin.programme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores refused criterion by criterion, so that the form can say at each criterion what is wrong with it
 * (criterion id → its problem, in rubric order).
 */
public class ScoresRejected extends ReviewRejected {

	private final transient Map<Long, ReviewRejected> problems;

	public ScoresRejected(Map<Long, ReviewRejected> problems) {
		super("score.invalid", problems.size());
		this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
	}

	public Map<Long, ReviewRejected> problems() {
		return problems;
	}
}
