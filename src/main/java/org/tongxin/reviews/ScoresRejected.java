package org.tongxin.reviews;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tongxin.platform.Refused;

/**
 * Scores refused criterion by criterion, so that the form can say at each criterion what is wrong with it
 * (criterion id → its problem, in rubric order).
 */
public class ScoresRejected extends Refused {

	private final transient Map<Long, Refused> problems;

	public ScoresRejected(Map<Long, Refused> problems) {
		super("score.invalid", problems.size());
		this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
	}

	public Map<Long, Refused> problems() {
		return problems;
	}
}
