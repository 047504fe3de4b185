package org.tongxin.platform;

/**
 * Someone else saved the record since the form was opened (its version no longer matches): nothing was
 * changed, and the form asks the user to reload. Forms catch it apart from other conflicts.
 */
public class ConcurrentChange extends Conflict {

	private final String what;

	public ConcurrentChange(Object what) {
		super(Problems.CONFLICT);
		this.what = String.valueOf(what);
	}

	@Override
	public String getMessage() {
		return what + " was changed by someone else";
	}
}
