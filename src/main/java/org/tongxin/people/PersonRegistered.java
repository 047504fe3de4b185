package org.tongxin.people;

import org.tongxin.platform.UnitId;

/** Published when a person enters the registry, for modules that attach work to people. */
public record PersonRegistered(PersonId person, UnitId unit) {
}
