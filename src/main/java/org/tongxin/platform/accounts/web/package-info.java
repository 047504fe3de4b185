/**
 * The account screens: self-service (password, API tokens, second factor) and the security
 * administrator's account management.
 */
@NullMarked
package org.tongxin.platform.accounts.web;

import org.jspecify.annotations.NullMarked;
