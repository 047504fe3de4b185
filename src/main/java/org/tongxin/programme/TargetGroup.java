package org.tongxin.programme;

/** The four groups of the new social strata (统战工作条例 art. 31) a project may address. */
public enum TargetGroup {
	ENTERPRISE, INTERMEDIARY, FREELANCE, NEW_MEDIA
}
