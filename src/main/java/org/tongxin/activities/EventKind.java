package org.tongxin.activities;

/** 培训讲座, 公益志愿, 联谊交流, 考察学习, 线上. Volunteer hours are kept for VOLUNTEER events only. */
public enum EventKind {
	TRAINING, VOLUNTEER, NETWORKING, STUDY_VISIT, ONLINE
}
