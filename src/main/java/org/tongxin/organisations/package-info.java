/**
 * Organising people (组织起来): associations, chapters, alliances, liaison stations, homes and chapters of
 * existing platforms, their members with roles and terms, party-organisation coverage, partner units,
 * linkage mechanisms and shared tasks. Other modules use {@link org.tongxin.organisations.Organisations}.
 */
@NullMarked
package org.tongxin.organisations;

import org.jspecify.annotations.NullMarked;
