/**
 * Activities (活动): brand series (工作品牌), events with an audience and a capacity, registration with a
 * waiting list, QR check-in, volunteer hours, feedback, a calendar and figures. Other modules use
 * {@link org.tongxin.activities.Activities} and {@link org.tongxin.activities.Registrations}.
 */
@NullMarked
package org.tongxin.activities;

import org.jspecify.annotations.NullMarked;
