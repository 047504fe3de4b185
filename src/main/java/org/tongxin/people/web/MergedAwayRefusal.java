package org.tongxin.people.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.people.PersonMergedAway;

/**
 * The screens' answer to a change of a person merged away as a duplicate (edit, transfer, anonymise, consent,
 * accounts): nothing is changed, and the person's page explains why and links to the survivor.
 */
@ControllerAdvice(assignableTypes = { PeopleController.class, TransferController.class })
class MergedAwayRefusal {

	@ExceptionHandler(PersonMergedAway.class)
	String refused(PersonMergedAway e, RedirectAttributes redirect) {
		redirect.addFlashAttribute("mergedAwayRefused", true);
		return "redirect:/people/" + e.person().value();
	}
}
