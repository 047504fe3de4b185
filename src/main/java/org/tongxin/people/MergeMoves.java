package org.tongxin.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tongxin.platform.AuditLog;

/**
 * How another module's rows about persons follow a merge ({@link PersonsMerged}) to the survivor and go back
 * when it is undone ({@link MergeUndone}). The steps are the same for memberships and registrations; only the
 * rows differ, and each module says how to read, move and remove its own ({@link Rows}).
 * <p>
 * Each row of the merged-away person moves to the survivor, unless the survivor already holds the same one
 * (the same membership, a registration for the same event): then the heavier of the two is kept and the other
 * removed, the survivor's on a tie. Moves and removals are recorded under the merge, so that undo puts exactly
 * those back, and audited as one entry of the module's audit type.
 */
public final class MergeMoves {

	private MergeMoves() {
	}

	/** A row a person holds, as a merge weighs it against the survivor's. */
	public interface Held {

		long id();

		/** Which of two same rows is kept: the heavier. */
		int weight();
	}

	/** A module's rows about persons, as a merge moves them. */
	public interface Rows<H extends Held> {

		/** The person's rows, locked, in id order. */
		List<H> heldBy(long person);

		/** The survivor's row that is the same as {@code away} (they cannot both stay), locked. */
		Optional<H> survivorsSame(long survivor, H away, long merge);

		/** Gives the row to the survivor and records the move under the merge. */
		void move(long merge, long row, long survivor);

		/** Deletes the row, keeping it under the merge for undo. */
		void remove(long merge, long row);
	}

	/** Moves the merged-away person's rows to the survivor, in the merge's transaction. */
	public static <H extends Held> void follow(PersonsMerged event, Rows<H> rows, AuditLog audit, String auditType) {
		long survivor = event.survivor().value();
		List<Long> moved = new ArrayList<>();
		List<Long> removed = new ArrayList<>();
		for (H away : rows.heldBy(event.mergedAway().value())) {
			Optional<H> same = rows.survivorsSame(survivor, away, event.merge());
			if (same.isPresent() && away.weight() > same.get().weight()) {
				rows.remove(event.merge(), same.get().id());
				removed.add(same.get().id());
				same = Optional.empty();
			}
			if (same.isEmpty()) {
				rows.move(event.merge(), away.id(), survivor);
				moved.add(away.id());
			}
			else {
				rows.remove(event.merge(), away.id());
				removed.add(away.id());
			}
		}
		if (!moved.isEmpty() || !removed.isEmpty()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("merge", event.merge());
			detail.put("survivor", survivor);
			detail.put("mergedAway", event.mergedAway().value());
			detail.put("moved", moved);
			// Both persons held the same row: one is kept, these were the duplicates (restored by undo).
			detail.put("removedAsDuplicate", removed);
			audit.record(AuditLog.Action.UPDATE, auditType, null, detail, "person merge");
		}
	}

	/** Audits an undo that moved {@code movedBack} rows back and restored {@code restored} removed ones. */
	public static void undone(MergeUndone event, int movedBack, int restored, AuditLog audit, String auditType) {
		if (movedBack + restored > 0) {
			audit.record(AuditLog.Action.UPDATE, auditType, null,
					Map.of("merge", event.merge(), "movedBack", movedBack, "restored", restored), "person merge undone");
		}
	}
}
