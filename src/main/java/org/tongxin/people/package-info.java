/**
 * The people registry (人士信息库): persons of the four groups of the new social strata with their profile,
 * employer, platform accounts, tags, movement history, legal basis and consent ledger. Identifying numbers
 * are encrypted at rest and masked by default; every read of a clear value and every change is audited.
 */
@NullMarked
package org.tongxin.people;

import org.jspecify.annotations.NullMarked;
